-- Issue 20: several PBXes, one owner per link. Beside the jobs' leases (dialer, backup, reports) the named leases
-- hold PBX links (ami-link:<pbx id>) and the nodes' heartbeats (node:<node name>), whose names are longer.
alter table dialer_lease alter column name set data type varchar(200);

-- The PBX a call was on. A call is (PBX, Linkedid): call_id holds '<pbx>:<linkedid>' for every PBX but the default
-- one (whose calls keep the bare Linkedid, as every row written before there were several PBXes), so the unique
-- call_id is the unique (pbx, Linkedid) and keeps one activity per call; the column lets the call log filter by PBX.
alter table activities add column pbx varchar(64) default 'default' not null;
alter table lead_attempts add column pbx varchar(64) default 'default' not null;
