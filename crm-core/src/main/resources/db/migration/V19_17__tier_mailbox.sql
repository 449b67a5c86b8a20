-- Issue 17: a tier's escalation mailbox is data, set on the tiers page, no longer a name in the configuration.
-- mailbox_from_config: whether this node still has to copy switchboard.tickets.tiers[].email in once (for tiers
-- seeded before this column existed); after that copy, or for tiers created since, the stored value alone counts.
alter table support_tiers add column mailbox varchar(200);
alter table support_tiers add column mailbox_from_config boolean default true not null;
