-- Support tiers as data, administered from the pages (they were configuration only: switchboard.tickets.tiers now
-- seeds this table when it is empty). Tickets and members still refer to a tier by name; a rename changes those too.
-- A tier's own SLA policy (all targets null: the priority's policies apply) is counted in one of the configured
-- business calendars.
create table support_tiers (
    name                   varchar(60) not null primary key,
    -- escalation order: tickets escalate to the next active tier by position
    position               integer     not null,
    assignment             varchar(20) not null,
    -- a tier that had tickets is deactivated rather than deleted: no new tickets or escalations reach it
    active                 boolean     not null,
    first_response_seconds bigint,
    next_update_seconds    bigint,
    resolution_seconds     bigint,
    calendar               varchar(60),
    created_at             timestamp with time zone not null,
    constraint support_tiers_assignment_ck check (assignment in ('QUEUE', 'LEAST_LOADED'))
);
