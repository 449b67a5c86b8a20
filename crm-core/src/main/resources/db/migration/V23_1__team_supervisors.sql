-- Supervisors of several teams: a team's supervisors are its own users with the role SUPERVISOR (users.team_id, as
-- before) and the supervisors an admin assigns to it here. A supervisor sees the union of their own team and every
-- team they are assigned. Plain SQL for H2 (PostgreSQL mode) and PostgreSQL alike.
create table team_supervisors (
    team_id bigint not null,
    user_id bigint not null,
    constraint team_supervisors_pk primary key (team_id, user_id),
    constraint team_supervisors_team_fk foreign key (team_id) references teams (id) on delete cascade,
    constraint team_supervisors_user_fk foreign key (user_id) references users (id) on delete cascade
);

-- the scope of one supervisor is read by user
create index team_supervisors_user_ix on team_supervisors (user_id);
