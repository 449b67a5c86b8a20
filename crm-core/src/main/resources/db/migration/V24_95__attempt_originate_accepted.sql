-- The originate's ActionID once the PBX accepted it: an attempt with one (or with its call bound) reached the PBX and
-- is never dialled again; an attempt placed without either when its dialer stopped is given back to be dialled once by
-- the next dialer (campaign dialer handover, issue 20).
alter table lead_attempts add column action_id varchar(80);
