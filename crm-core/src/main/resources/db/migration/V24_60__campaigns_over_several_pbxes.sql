-- Issue 20: campaigns over several PBXes, preview dials from any node.
-- The PBXes a campaign may dial through, as a JSON array of ids (["berlin","leeds"]); null: every PBX configured.
alter table campaigns add column pbxes varchar(2000);

-- When the attempt's call was asked of the PBX (the dialer's originate, or an agent's preview dial), null while a
-- previewed lead is only being looked at. Two things read it: the trunks' count of calls in flight per PBX (placed,
-- not ended; lead_attempts.pbx says where), whichever node placed them; and a preview dial, which sets it only where
-- it is still null, so a previewed lead is dialled once whichever node the agent's requests reach.
alter table lead_attempts add column dialed_at timestamp with time zone;

-- The dialer's count of open attempts per PBX each round.
create index lead_attempts_open_ix on lead_attempts (ended_at, dialed_at);
