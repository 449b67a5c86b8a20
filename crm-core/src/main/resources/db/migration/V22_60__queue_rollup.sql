-- The interval reports' rollup (issue 19): per queue and quarter hour, what the reports count of the calls that
-- started in it. Derived from the activities and kept in step with them in the transaction that writes them
-- (io.switchboard.report.QueueRollup); a quarter hour is always recomputed whole from its activities, so a replayed
-- or duplicated call cannot count twice. Existing activities are rolled up once at the first start after this
-- migration (report_rollup_state says when that finished); until then the reports read the activities.
-- (A first form of this rollup was briefly on main as V19_43; a database that ran it starts again from here, and
-- the backfill fills the new table.)
drop table if exists queue_rollup_agents;
drop table if exists queue_rollup;
drop table if exists report_rollup_state;

create table queue_rollup (
    interval_start        timestamp with time zone not null,
    queue                 varchar(80) not null,
    -- every call of the queue that started in the quarter hour, whatever its outcome
    offered               integer     not null,
    answered              integer     not null,
    abandoned             integer     not null,
    -- the answered calls' talk; handle time is this plus the queue's wrap-up, which may change
    answered_talk_seconds bigint      not null,
    longest_wait_seconds  integer     not null,
    -- calls per second waited, exact (pairs of varints: wait since the previous entry, calls), so the service level
    -- and the short abandons can be read for whatever threshold the queue has now, and the 90th percentile is exact
    answered_waits        bytea       not null,
    abandoned_waits       bytea       not null,
    -- answered calls per agent extension (pairs: the extension's UTF-8 bytes after their length, calls), in the
    -- row rather than a row per agent: a month of a 200-agent centre would otherwise be most of a million rows
    answered_by_agent     bytea       not null,
    constraint queue_rollup_pk primary key (interval_start, queue)
);

create table report_rollup_state (
    name     varchar(40) primary key,
    built_at timestamp with time zone not null
);
