-- The audit log: who changed what, when, and the subject as it was before and after (JSON text, written by the
-- application). Append-only: the application has no code that updates or deletes a row, and on PostgreSQL a
-- trigger (V6_2) refuses both. The actor is stored by username, not by reference, so an entry outlives its user.
create sequence audit_log_seq start with 1 increment by 1;

create table audit_log (
    id           bigint       not null primary key,
    changed_at   timestamp with time zone not null,
    actor        varchar(100) not null,
    action       varchar(60)  not null,
    subject_type varchar(40)  not null,
    subject_id   varchar(200),
    before_json  text,
    after_json   text
);

create index audit_log_changed_at_ix on audit_log (changed_at);
create index audit_log_subject_ix on audit_log (subject_type, subject_id);
create index audit_log_actor_ix on audit_log (actor);
