package io.switchboard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The nodes benchmark's data set: the agents and the contacts. The agents are split between the PBXes: the first half
 * have extensions 2000 upwards on PBX {@code a}, the second half the same extensions on PBX {@code b} (a user's phone
 * belongs to one PBX), and each simulator rings its own half. Written once; with {@code bench.data-dir} a later run
 * finds them in the kept database and goes straight on (the nodes migrate a database left by an older build first).
 */
final class NodesData {

    private NodesData() {}

    static void ensure(String jdbcUrl, BenchApi api, BenchSettings settings, String dataDirectory) throws SQLException {
        long agents = count(jdbcUrl, "select count(*) from users where username like 'agent%'");
        long contacts = count(jdbcUrl, "select count(*) from contacts");
        if (agents == 0 && contacts == 0) {
            BenchData.users(jdbcUrl, settings.desktops(), settings.bcryptCost());
            onTwoPbxes(jdbcUrl, settings.desktops());
            long imported = BenchData.contacts(api, settings.contacts());
            Report.step("%,d agents seeded, %,d contacts imported", settings.desktops(), imported);
            return;
        }
        if (agents != settings.desktops() || contacts != settings.contacts()) {
            throw new IllegalStateException("the database in " + dataDirectory + " holds " + agents + " agents and "
                    + contacts + " contacts, not " + settings.desktops() + " and " + settings.contacts()
                    + ": use another bench.data-dir");
        }
        Report.step("reusing the %,d agents and %,d contacts in %s", agents, contacts, dataDirectory);
    }

    /** Agents on PBX {@code pbx} (0: {@code a}, 1: {@code b}): the first half of them, or the rest. */
    static int agentsOn(int pbx, BenchSettings settings) {
        int first = (settings.desktops() + 1) / 2;
        return pbx == 0 ? first : settings.desktops() - first;
    }

    /** Moves the seeded agents (on the PBX {@code default}, extensions 2000 upwards) to their halves. */
    private static void onTwoPbxes(String jdbcUrl, int agents) throws SQLException {
        int first = (agents + 1) / 2;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = db.createStatement()) {
            // no two rows meet on the way: 'default' and 'a' rows keep their extensions, 'b' rows start again at 2000
            statement.executeUpdate("update users set pbx = case when cast(extension as int) < " + (2000 + first)
                    + " then 'a' else 'b' end, extension = case when cast(extension as int) < " + (2000 + first)
                    + " then extension else cast(cast(extension as int) - " + first + " as varchar) end"
                    + " where username like 'agent%'");
        }
    }

    private static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = db.createStatement();
                ResultSet count = statement.executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }
}
