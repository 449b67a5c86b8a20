package io.switchboard.campaign;

import io.switchboard.contact.ContactId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The campaign attempts of a contact's leads, newest first, for the contact's card. Whoever may see the contact may
 * see them (the caller checks that): they are the contact's calls, as its call history is.
 */
@Component
public class ContactAttempts {

    /** More than a card shows; a contact dialled more often than this is a list to clean up, not to scroll. */
    public static final int LIMIT = 200;

    private final NamedParameterJdbcTemplate jdbc;

    ContactAttempts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ContactAttempt> of(ContactId contact) {
        return jdbc.query("""
                select a.id, a.campaign_id, c.name as campaign, l.e164, a.started_at, a.ended_at, a.outcome,
                       a.disposition, u.username
                  from leads l
                  join lead_attempts a on a.lead_id = l.id
                  join campaigns c on c.id = a.campaign_id
                  left join users u on u.id = a.agent_id
                 where l.contact_id = :contact
                 order by a.started_at desc, a.id desc
                 limit :limit
                """, Map.of("contact", contact.value(), "limit", LIMIT), ContactAttempts::attempt);
    }

    private static ContactAttempt attempt(ResultSet rs, int row) throws SQLException {
        return new ContactAttempt(
                new AttemptId(rs.getLong("id")),
                new CampaignId(rs.getLong("campaign_id")),
                rs.getString("campaign"),
                rs.getString("e164"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")),
                rs.getString("outcome"),
                rs.getString("disposition"),
                rs.getString("username"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
