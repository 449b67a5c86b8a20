-- Users and teams exist as data so that contact ownership and visibility can be enforced.
-- Written once for H2 (PostgreSQL mode, the demo) and PostgreSQL (production): plain SQL, no dialect features.
-- Ids come from sequences with a large increment so that both Hibernate (pooled optimiser) and the
-- bulk importer can reserve blocks of ids without a round trip per row.

create sequence teams_seq start with 1 increment by 50;

create table teams (
    id   bigint       not null primary key,
    name varchar(100) not null,
    constraint teams_name_uk unique (name)
);

create sequence users_seq start with 1 increment by 50;

create table users (
    id            bigint       not null primary key,
    username      varchar(100) not null,
    display_name  varchar(200) not null,
    role          varchar(20)  not null,
    team_id       bigint,
    -- the agent's phone extension as the PBX knows it (e.g. 1001): how a ringing phone becomes a user
    extension     varchar(32),
    -- set by the security module later; users without one cannot log in
    password_hash varchar(255),
    active        boolean      not null,
    created_at    timestamp with time zone not null,
    constraint users_username_uk unique (username),
    constraint users_extension_uk unique (extension),
    constraint users_role_ck check (role in ('AGENT', 'SUPERVISOR', 'CAMPAIGN_MANAGER', 'ADMIN')),
    constraint users_team_fk foreign key (team_id) references teams (id)
);

create index users_team_ix on users (team_id);
