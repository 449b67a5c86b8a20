-- A ticket's category (one of switchboard.tickets.categories, a managed list) and its free tags. The workbench
-- filters by them; the knowledge base suggests the articles that answer the ticket's category and share its tags.

alter table tickets add column category varchar(100);

create index tickets_category_ix on tickets (category);

create table ticket_tags (
    ticket_id bigint      not null,
    tag       varchar(60) not null,
    constraint ticket_tags_pk primary key (ticket_id, tag),
    constraint ticket_tags_ticket_fk foreign key (ticket_id) references tickets (id) on delete cascade
);

create index ticket_tags_tag_ix on ticket_tags (tag);
