-- The PBX's queues as Switchboard knows them: a row appears when the PBX first names a queue (its QueueStatus
-- listing after each login, or a queue event) and stays, so admins can set what Switchboard shows and counts for it.
-- A null setting means the global default (switchboard.queues.*): only what an admin set is stored.
create table pbx_queues (
    name                  varchar(80)  not null primary key,
    display_name          varchar(100),
    -- the team that works the queue; a deleted team leaves the queue without one
    team_id               bigint,
    service_level_seconds integer,
    -- percent of calls that should meet the service level, 1 to 99
    service_level_target  integer,
    wrap_up_seconds       integer,
    first_seen_at         timestamp with time zone not null,
    constraint pbx_queues_team_fk foreign key (team_id) references teams (id) on delete set null,
    constraint pbx_queues_sl_seconds_ck check (service_level_seconds is null or service_level_seconds between 1 and 3600),
    constraint pbx_queues_sl_target_ck check (service_level_target is null or service_level_target between 1 and 99),
    constraint pbx_queues_wrap_up_ck check (wrap_up_seconds is null or wrap_up_seconds between 0 and 3600)
);
