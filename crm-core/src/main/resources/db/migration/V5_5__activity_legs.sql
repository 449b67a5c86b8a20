-- The way of a call through queues and agents, one row per leg, in order: a call transferred from one agent to
-- another queue or agent has more than one. Written with the call's activity, idempotent on (call_id, seq).
create table activity_legs (
    call_id         varchar(128) not null,
    seq             integer      not null,
    queue           varchar(80),
    agent_extension varchar(32),
    started_at      timestamp with time zone not null,
    answered_at     timestamp with time zone,
    ended_at        timestamp with time zone not null,
    -- the leg ended with a transfer to the next one
    transferred     boolean      not null,
    constraint activity_legs_pk primary key (call_id, seq),
    constraint activity_legs_call_fk foreign key (call_id) references activities (call_id) on delete cascade
);
