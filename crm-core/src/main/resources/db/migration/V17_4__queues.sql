-- The PBX's queues as Switchboard knows them: a row appears when the PBX first names a queue (its QueueStatus
-- listing after each login, or a queue event) and stays, so admins can set what Switchboard shows and counts for it.
-- A null setting means the global default (switchboard.queues.*): only what an admin set is stored. The teams that
-- work a queue are team_queues (V6_3), one truth for the queue settings and the teams pages.
create table pbx_queues (
    name                  varchar(80)  not null primary key,
    display_name          varchar(100),
    service_level_seconds integer,
    -- percent of calls that should meet the service level, 1 to 99
    service_level_target  integer,
    wrap_up_seconds       integer,
    first_seen_at         timestamp with time zone not null,
    constraint pbx_queues_sl_seconds_ck check (service_level_seconds is null or service_level_seconds between 1 and 3600),
    constraint pbx_queues_sl_target_ck check (service_level_target is null or service_level_target between 1 and 99),
    constraint pbx_queues_wrap_up_ck check (wrap_up_seconds is null or wrap_up_seconds between 0 and 3600)
);
