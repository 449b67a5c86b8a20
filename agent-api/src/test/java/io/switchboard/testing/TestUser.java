package io.switchboard.testing;

import io.switchboard.directory.Role;

/**
 * The users the API tests log in as: one of each role, two agents and a supervisor in one team and a supervisor of
 * another. Names and extensions are their own, so they live beside other tests' users in the shared database.
 */
public enum TestUser {
    AGENT("rm-agent", Role.AGENT, TestUser.SUPPORT, "7001"),
    TEAMMATE("rm-teammate", Role.AGENT, TestUser.SUPPORT, "7002"),
    SUPERVISOR("rm-supervisor", Role.SUPERVISOR, TestUser.SUPPORT, "7009"),
    /** Supervises another team and has no phone. */
    OTHER_SUPERVISOR("rm-other-supervisor", Role.SUPERVISOR, TestUser.SALES, null),
    CAMPAIGN_MANAGER("rm-manager", Role.CAMPAIGN_MANAGER, null, null),
    ADMIN("rm-admin", Role.ADMIN, null, null);

    public static final String SUPPORT = "RM Support";
    public static final String SALES = "RM Sales";
    public static final String PASSWORD = "correct-horse-battery";

    public final String username;
    public final Role role;
    public final String team;
    public final String extension;

    TestUser(String username, Role role, String team, String extension) {
        this.username = username;
        this.role = role;
        this.team = team;
        this.extension = extension;
    }
}
