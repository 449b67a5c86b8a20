-- Users administered from the pages: an e-mail address, and a password an admin reset that its user must change at
-- the next login. Teams say which queues they work, so a supervisor's wallboard shows their team's queues.
alter table users add column email varchar(200);

alter table users add column must_change_password boolean default false not null;

create table team_queues (
    team_id bigint      not null,
    queue   varchar(80) not null,
    constraint team_queues_pk primary key (team_id, queue),
    constraint team_queues_team_fk foreign key (team_id) references teams (id) on delete cascade
);
