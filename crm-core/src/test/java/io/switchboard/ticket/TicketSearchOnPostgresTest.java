package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.PostgresTest;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

@PostgresTest
class TicketSearchOnPostgresTest extends TicketSearchContract {

    /**
     * The search reads the subjects' trigram index, not every ticket. With four tickets PostgreSQL would rightly read
     * the table anyway, so the plan is asked with sequential scans priced out: without the index (or with a
     * condition it cannot serve) it still reads the table.
     */
    @Test
    void theSubjectIsSearchedThroughItsTrigramIndex() {
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            List<String> lines = new ArrayList<>();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local enable_seqscan = off");
                try (ResultSet rows = statement.executeQuery(
                        "explain select s.id from tickets s where lower(s.subject) like '%printer%' escape '\\'")) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            return String.join("\n", lines);
        });
        assertThat(plan).contains("tickets_subject_trgm_ix");
    }
}
