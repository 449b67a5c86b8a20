package io.switchboard.directory;

/** An admin changed who supervises a team; published inside the change's transaction. */
public record TeamSupervisorsChanged(TeamId team) {}
