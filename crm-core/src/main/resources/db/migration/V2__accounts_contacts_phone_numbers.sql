-- Accounts (companies), contacts and their phone numbers, indexed for caller lookup.

create sequence accounts_seq start with 1 increment by 1000;

create table accounts (
    id         bigint       not null primary key,
    name       varchar(300) not null,
    -- lower-cased, trimmed name: one account per company name however it is capitalised
    name_key   varchar(300) not null,
    created_at timestamp with time zone not null,
    constraint accounts_name_key_uk unique (name_key)
);

create sequence contacts_seq start with 1 increment by 1000;

create table contacts (
    id         bigint        not null primary key,
    name       varchar(300)  not null,
    account_id bigint,
    email      varchar(320),
    owner_id   bigint,
    team_id    bigint,
    -- PRIVATE: owner (and the team's supervisors); TEAM: the whole team; COMPANY: everyone
    visibility varchar(10)   not null,
    notes      varchar(4000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint        not null,
    constraint contacts_visibility_ck check (visibility in ('PRIVATE', 'TEAM', 'COMPANY')),
    constraint contacts_account_fk foreign key (account_id) references accounts (id),
    constraint contacts_owner_fk foreign key (owner_id) references users (id),
    constraint contacts_team_fk foreign key (team_id) references teams (id)
);

create index contacts_account_ix on contacts (account_id);
create index contacts_owner_ix on contacts (owner_id);
create index contacts_team_ix on contacts (team_id);
create index contacts_email_ix on contacts (email);

create table contact_tags (
    contact_id bigint      not null,
    tag        varchar(64) not null,
    constraint contact_tags_pk primary key (contact_id, tag),
    constraint contact_tags_contact_fk foreign key (contact_id) references contacts (id) on delete cascade
);

create index contact_tags_tag_ix on contact_tags (tag);

create sequence phone_numbers_seq start with 1 increment by 1000;

create table phone_numbers (
    id              bigint      not null primary key,
    contact_id      bigint      not null,
    phone_type      varchar(10) not null,
    -- exactly as entered or imported; never rewritten
    raw_text        varchar(64) not null,
    -- +493012345678; null when the number could not be parsed to a valid number (then unparseable is true)
    e164            varchar(24),
    -- ISO 3166 region of the number (DE), when known
    country         varchar(2),
    -- national significant number (3012345678): matches the same number written with another country code
    national_number varchar(20),
    -- digits of the E.164 number (or of the raw text when unparseable), reversed. Its one index serves every
    -- caller lookup rank: the same number is an equal value, the same national number or the same last N digits
    -- a prefix range (with e164 / national_number checked on the rows found). One index instead of three keeps
    -- bulk imports fast.
    reversed_digits varchar(64),
    unparseable     boolean     not null,
    constraint phone_numbers_type_ck check (phone_type in ('MOBILE', 'WORK', 'HOME', 'FAX', 'OTHER')),
    constraint phone_numbers_contact_fk foreign key (contact_id) references contacts (id) on delete cascade
);

create index phone_numbers_contact_ix on phone_numbers (contact_id);
create index phone_numbers_reversed_ix on phone_numbers (reversed_digits);
