package io.switchboard.bench;

import io.switchboard.simulator.LoadProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's data: agents and an admin written straight into the tables Flyway created (there is no user API),
 * and contacts through the application's CSV import, numbered as the simulator's callers.
 */
final class BenchData {

    /**
     * Rows per uploaded file: about 700 KB, under Spring Boot's default multipart limit of 1 MB, which the server
     * keeps (a single 100,000-row file would be refused).
     */
    private static final int ROWS_PER_FILE = 15_000;

    private BenchData() {}

    static String agent(int index) {
        return String.format("agent%04d", index);
    }

    static String extension(int index) {
        return Integer.toString(2000 + index);
    }

    /** One team, {@code agents} agents with extensions 2000 upwards, and the admin; one password hash for all. */
    static void users(String jdbcUrl, int agents, int bcryptCost) throws SQLException {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(bcryptCost).encode(BenchApi.PASSWORD);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(false);
            long team;
            try (Statement statement = db.createStatement();
                    ResultSet id = statement.executeQuery(
                            "insert into teams (id, name) values (nextval('teams_seq'), 'Load') returning id")) {
                id.next();
                team = id.getLong(1);
            }
            try (PreparedStatement insert = db.prepareStatement("insert into users (id, username, display_name, role,"
                    + " team_id, extension, password_hash, active, created_at) values (nextval('users_seq'), ?, ?, ?,"
                    + " ?, ?, ?, true, now())")) {
                for (int i = 0; i < agents; i++) {
                    insert.setString(1, agent(i));
                    insert.setString(2, "Agent " + extension(i));
                    insert.setString(3, "AGENT");
                    insert.setLong(4, team);
                    insert.setString(5, extension(i));
                    insert.setString(6, hash);
                    insert.addBatch();
                }
                insert.setString(1, BenchApi.ADMIN);
                insert.setString(2, "Bench Admin");
                insert.setString(3, "ADMIN");
                insert.setNull(4, java.sql.Types.BIGINT);
                insert.setNull(5, java.sql.Types.VARCHAR);
                insert.setString(6, hash);
                insert.addBatch();
                insert.executeBatch();
            }
            db.commit();
        }
    }

    /** Imports {@code count} contacts whose numbers are {@code LoadProfile.callerNumber(0..count-1)}. */
    static long contacts(BenchApi api, int count) {
        long inserted = 0;
        for (int from = 0; from < count; from += ROWS_PER_FILE) {
            int to = Math.min(count, from + ROWS_PER_FILE);
            StringBuilder csv = new StringBuilder(64 * (to - from))
                    .append("name,company,email,phone,phone_type,tags,owner,notes\n");
            for (int i = from; i < to; i++) {
                csv.append("Caller ")
                        .append(i)
                        .append(",Company ")
                        .append(i % 5000)
                        .append(",,")
                        .append(LoadProfile.callerNumber(i))
                        .append(i % 3 == 0 ? ",mobile,,,\n" : ",work,,,\n");
            }
            JsonNode report = api.importContacts(csv.toString());
            if (report.path("rejected").asLong() > 0) {
                throw new IllegalStateException("Contacts rejected by the import: " + report);
            }
            inserted += report.path("inserted").asLong();
        }
        return inserted;
    }
}
