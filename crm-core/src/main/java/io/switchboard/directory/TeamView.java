package io.switchboard.directory;

import java.util.List;

/**
 * A team as the admin pages see it.
 *
 * @param supervisors the usernames of the team's supervisors (users with the role SUPERVISOR in the team)
 * @param queues the PBX queues the team works: its supervisors' wallboard shows these
 */
public record TeamView(long id, String name, int members, List<String> supervisors, List<String> queues) {}
