-- Issue 20: agents' extensions per PBX. Extension 1001 on PBX a and 1001 on PBX b are two agents: a user's extension
-- belongs to a PBX (switchboard.pbxes[n].id; 'default', the single switchboard.ami link, for every existing row).
alter table users add column pbx varchar(64) default 'default' not null;
alter table users drop constraint users_extension_uk;
alter table users add constraint users_pbx_extension_uk unique (pbx, extension);

-- Call rows name an agent as call events do: '<pbx>:<extension>', the bare extension on the default PBX (as call ids
-- are written), longer than an extension alone on another PBX.
alter table agent_events alter column agent set data type varchar(80);
alter table activities alter column agent_extension set data type varchar(80);
alter table activity_legs alter column agent_extension set data type varchar(80);
alter table lead_attempts alter column agent_extension set data type varchar(80);
