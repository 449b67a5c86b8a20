package io.switchboard.contact;

import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads whole contacts (account, phone numbers, tags) in one SQL query, for the screen pop and the search page.
 * Loading them as entities took a query for the contacts, one for their accounts and two more per contact for its
 * tags and numbers, most of the pop's time. The numbers and the tags come as rows of their own (a {@code union all})
 * rather than joined side by side, which would return every number once per tag.
 */
final class ContactRows {

    private static final String SELECT = """
            select c.id as contact_id, c.name, c.email, c.owner_id, c.team_id, c.visibility, c.notes, c.version,
                   a.id as account_id, a.name as account_name,
                   p.id as phone_id, p.phone_type, p.raw_text, p.e164, p.country, p.unparseable,
                   null as tag
              from contacts c
              left join accounts a on a.id = c.account_id
              left join phone_numbers p on p.contact_id = c.id
             where c.id in (:ids) and %1$s
            union all
            select t.contact_id, null, null, null, null, null, null, null,
                   null, null,
                   null, null, null, null, null, null,
                   t.tag
              from contact_tags t
              join contacts c on c.id = t.contact_id
             where t.contact_id in (:ids) and %1$s
             order by contact_id, phone_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ContactRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of the contacts that exist and that the viewer may see, in the order asked for. */
    List<Contact> findAll(Collection<ContactId> ids, VisibilityRule rule) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        parameters.put("ids", ids.stream().map(ContactId::value).distinct().toList());
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query(SELECT.formatted(rule.sql("c")), parameters, (ResultSet rs) -> {
            long id = rs.getLong("contact_id");
            String tag = rs.getString("tag");
            if (tag != null) {
                rows.computeIfAbsent(id, key -> new Row()).tags.add(tag);
                return;
            }
            Row row = rows.computeIfAbsent(id, key -> new Row());
            if (row.contact == null) {
                row.contact = contact(rs);
            }
            rs.getLong("phone_id");
            if (!rs.wasNull()) {
                row.phones.add(phone(rs));
            }
        });
        return ids.stream()
                .map(id -> rows.get(id.value()))
                .filter(Objects::nonNull)
                .map(Row::toContact)
                .toList();
    }

    /** A contact's columns with its account; its tags and numbers are filled in as their rows arrive. */
    private static Contact contact(ResultSet rs) throws SQLException {
        long accountId = rs.getLong("account_id");
        Account account = rs.wasNull() ? null : new Account(new AccountId(accountId), rs.getString("account_name"));
        long ownerId = rs.getLong("owner_id");
        UserId owner = rs.wasNull() ? null : new UserId(ownerId);
        long teamId = rs.getLong("team_id");
        TeamId team = rs.wasNull() ? null : new TeamId(teamId);
        return new Contact(
                new ContactId(rs.getLong("contact_id")),
                rs.getString("name"),
                account,
                rs.getString("email"),
                owner,
                team,
                Visibility.valueOf(rs.getString("visibility")),
                Set.of(),
                rs.getString("notes"),
                List.of(),
                rs.getLong("version"));
    }

    private static Phone phone(ResultSet rs) throws SQLException {
        return new Phone(
                PhoneType.valueOf(rs.getString("phone_type")),
                rs.getString("raw_text"),
                rs.getString("e164"),
                rs.getString("country"),
                rs.getBoolean("unparseable"));
    }

    private static final class Row {
        private Contact contact;
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<Phone> phones = new ArrayList<>();

        // Every contact has its own row (with or without a number), so contact is set once all rows are read.
        private Contact toContact() {
            Contact c = contact;
            return new Contact(
                    c.id(),
                    c.name(),
                    c.account(),
                    c.email(),
                    c.owner(),
                    c.team(),
                    c.visibility(),
                    Set.copyOf(tags),
                    c.notes(),
                    List.copyOf(phones),
                    c.version());
        }
    }
}
