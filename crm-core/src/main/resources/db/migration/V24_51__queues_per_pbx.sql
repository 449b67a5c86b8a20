-- Issue 20: queues per PBX. A queue named support on PBX a and on PBX b is two queues: its name here is the one call
-- events carry, '<pbx>:<queue>' (the bare name on the default PBX, as every row written before), and pbx says which.
alter table pbx_queues add column pbx varchar(64) default 'default' not null;
