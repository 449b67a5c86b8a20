package io.switchboard.campaign;

import io.switchboard.contact.ContactsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When two contacts are merged, the leads dialled for the contact, and so its campaign attempts move to the contact kept. Runs inside the merge's
 * transaction (a plain event listener, before the merged contact is deleted), so the merge is all or nothing.
 */
@Component
class LeadsFollowMergedContact {

    private final NamedParameterJdbcTemplate jdbc;

    LeadsFollowMergedContact(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void move(ContactsMerged merge) {
        jdbc.update(
                "update leads set updated_at = current_timestamp, contact_id = :kept where contact_id = :merged",
                Map.of("kept", merge.kept().value(), "merged", merge.merged().value()));
    }
}
