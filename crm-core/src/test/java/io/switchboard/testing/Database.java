package io.switchboard.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test data housekeeping. */
public final class Database {

    private Database() {}

    /** Removes every row the crm-core tables hold, so each test starts from an empty schema. */
    public static void clear(JdbcTemplate jdbc) {
        jdbc.execute("delete from dialer_lease");
        jdbc.execute("delete from dnc_entries");
        jdbc.execute("delete from lead_attempts");
        jdbc.execute("delete from leads");
        jdbc.execute("delete from lead_import_rejections");
        jdbc.execute("delete from lead_imports");
        jdbc.execute("delete from campaign_dispositions");
        jdbc.execute("delete from campaign_agents");
        jdbc.execute("delete from campaigns");
        jdbc.execute("delete from ticket_history");
        jdbc.execute("delete from ticket_calls");
        jdbc.execute("delete from ticket_sla_clocks");
        jdbc.execute("delete from tickets");
        jdbc.execute("delete from ticket_tier_members");
        jdbc.execute("delete from activities");
        jdbc.execute("delete from queue_rollup");
        jdbc.execute("delete from contact_tags");
        jdbc.execute("delete from phone_numbers");
        jdbc.execute("delete from contacts");
        jdbc.execute("delete from accounts");
        jdbc.execute("delete from kb_articles");
        jdbc.execute("delete from users");
        jdbc.execute("delete from team_queues");
        jdbc.execute("delete from teams");
    }

    public static long count(JdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
