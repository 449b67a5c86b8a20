package io.switchboard.directory;

import java.util.List;

/**
 * A team as the admin pages see it.
 *
 * @param supervisors the usernames of everyone who supervises the team: its own users with the role SUPERVISOR and
 *     the supervisors assigned to it
 * @param assignedSupervisors the supervisors an admin assigned to the team ({@code PUT /api/v1/teams/{id}/supervisors}),
 *     usually supervisors of another team who look after this one too
 * @param queues the PBX queues the team works: its supervisors' wallboard shows these
 */
public record TeamView(
        long id,
        String name,
        int members,
        List<String> supervisors,
        List<String> assignedSupervisors,
        List<String> queues) {}
