-- Interval reports (issue 19) read per interval, queue, outcome and seconds waited; with every column they read in
-- the index, PostgreSQL answers them from the index alone (an index-only scan) without visiting the table: a month
-- of a 200-agent centre is about 800,000 index entries instead of as many table pages. Why an index and no rollup
-- table: see the README's "Reports: call history and interval reports" benchmark.
create index activities_report_ix on activities (started_at, queue, outcome, wait_seconds, talk_seconds, agent_extension);
