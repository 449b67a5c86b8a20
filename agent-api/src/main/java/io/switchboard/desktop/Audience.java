package io.switchboard.desktop;

import io.switchboard.gateway.edge.EdgeUser;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whom a message for many desktops is for, as data rather than a predicate, so that it can cross to the other nodes:
 * everyone of some roles, plus the users of some roles in one team (or named as looking after it), less one user.
 *
 * @param roles every user with one of these roles
 * @param teamRoles users with one of these roles in {@code team}, or named in {@code named}
 * @param team the team {@code teamRoles} applies to (the directory's team id as text); null: nobody by team
 * @param named usernames who count as in the team for {@code teamRoles} whatever their own team (the supervisors
 *     assigned to it); empty: nobody
 * @param except a username left out (the agent whose state it is, told by name already); null: nobody
 */
public record Audience(Set<String> roles, Set<String> teamRoles, String team, Set<String> named, String except)
        implements Predicate<EdgeUser> {

    public Audience {
        roles = Set.copyOf(roles);
        teamRoles = Set.copyOf(teamRoles);
        named = named == null ? Set.of() : Set.copyOf(named);
    }

    /** Everyone with one of {@code roles}. */
    public static Audience roles(Set<String> roles) {
        return new Audience(roles, Set.of(), null, Set.of(), null);
    }

    /** Also the users with {@code role} in {@code team} (nobody more when the team is null). */
    public Audience orInTeam(String role, String team) {
        Set<String> more = new HashSet<>(teamRoles);
        more.add(Objects.requireNonNull(role, "role"));
        return new Audience(roles, more, team, named, except);
    }

    /** Also these users, when they have one of the {@link #orInTeam} roles, as if they were in the team. */
    public Audience orNamed(Set<String> usernames) {
        Set<String> more = new HashSet<>(named);
        more.addAll(usernames);
        return new Audience(roles, teamRoles, team, more, except);
    }

    /** Less {@code username}. */
    public Audience except(String username) {
        return new Audience(roles, teamRoles, team, named, username);
    }

    /** The roles whose sessions the edge looks at. */
    public Set<String> anyRole() {
        Set<String> all = new HashSet<>(roles);
        all.addAll(teamRoles);
        return all;
    }

    @Override
    public boolean test(EdgeUser user) {
        if (except != null && except.equals(user.username())) {
            return false;
        }
        return roles.contains(user.role())
                || (teamRoles.contains(user.role())
                        && ((team != null && team.equals(user.team())) || named.contains(user.username())));
    }
}
