-- Logging in (issue 17): failed attempts in a row and the lockout they lead to, kept with the user so that every
-- node sees them and a restart forgets nothing; and the flag that makes a user choose a new password at their next
-- login (set when an admin sets or resets one).
alter table users add column failed_logins integer not null default 0;
alter table users add column locked_until timestamp with time zone;
alter table users add column must_change_password boolean not null default false;
