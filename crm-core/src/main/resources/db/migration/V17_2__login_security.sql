-- Logging in (issue 17): failed attempts in a row and the lockout they lead to, kept with the user so that every
-- node sees them and a restart forgets nothing.
alter table users add column failed_logins integer not null default 0;
alter table users add column locked_until timestamp with time zone;
