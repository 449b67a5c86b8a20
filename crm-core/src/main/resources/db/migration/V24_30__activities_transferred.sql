-- Whether some leg of the call ended with a transfer, stored on the call (issue 19's export): the call history lists
-- and exports it for every call, and asking the legs per row (an index probe for each of a month's 800,000 calls)
-- was most of the export's time in the database. Written with the legs, in the same transaction
-- (io.switchboard.activity.ActivityInserts); the activity_legs rows stay the path's truth.
alter table activities add column transferred boolean default false not null;

update activities set transferred = true
 where exists (select 1 from activity_legs l where l.call_id = activities.call_id and l.transferred);
