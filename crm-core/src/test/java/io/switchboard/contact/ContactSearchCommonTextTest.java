package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Texts more than {@link ContactSearch#COUNT_LIMIT} contacts match, on PostgreSQL: the count says "more than", and
 * each page is still exactly the page a plain {@code order by} of every visible match gives (the oracle below), both
 * when the matches are spread over the sort order and when they bunch together at its end.
 */
@PostgresTest
class ContactSearchCommonTextTest {

    private static final String VISIBLE_TO_ANNA =
            "(c.visibility = 'COMPANY' or c.owner_id = ? or (c.team_id = ? and c.visibility = 'TEAM'))";

    private static final String BY_NAME = "c.name, c.id";

    @Autowired
    ContactSearch search;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    DirectoryUser anna;
    DirectoryUser bob;

    @BeforeEach
    void twoAgents() {
        Database.clear(jdbc);
        var support = directory.team("Support");
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        bob = directory.add(new NewUser("bob", "Bob", Role.AGENT, support, "1002"));
    }

    @Test
    void aTextSpreadOverTheBaseIsCountedAsMoreThanTheLimitAndPagedInNameOrder() {
        // 3,000 contacts, every second one's surname holds "mannheim"; every tenth match is Bob's private contact
        insert(
                3_000,
                "g % 2 = 0",
                "(array['Ada','Max','Lea','Tom','Zoë'])[1 + g % 5] || ' Person' || g"
                        + " || case when g % 2 = 0 then ' Mannheimer' else ' Berger' end");

        Page<Contact> first = search.find(ContactFilter.text("MANNHEIM"), anna.viewer(), 0, 25);

        assertThat(first.getTotalElements()).isEqualTo(ContactSearch.COUNT_LIMIT + 1);
        assertThat(ids(first)).containsExactlyElementsOf(oracle("%mannheim%", 0, 25));
        assertThat(ids(search.find(ContactFilter.text("mannheim"), anna.viewer(), 3, 25)))
                .containsExactlyElementsOf(oracle("%mannheim%", 75, 25));
        assertThat(ids(search.find(
                        new ContactFilter("mannheim", null, null, null, null, null, ContactSort.NAME_DESC),
                        anna.viewer(),
                        0,
                        10)))
                .containsExactlyElementsOf(oracleDescending("%mannheim%", 10));
        assertThat(first.getContent()).noneMatch(contact -> contact.visibility() == Visibility.PRIVATE);
    }

    @Test
    void aTextWhoseMatchesBunchAtTheEndOfTheOrderIsStillPagedInNameOrder() {
        // 6,000 contacts read before any match in name order: more than the walk reads before giving up
        insert(7_200, "g > 6000", "case when g > 6000 then 'Zoe Lisa' || g else 'Aaron Other' || g end");

        Page<Contact> first = search.find(ContactFilter.text("lisa"), anna.viewer(), 0, 25);

        assertThat(first.getTotalElements()).isEqualTo(ContactSearch.COUNT_LIMIT + 1);
        assertThat(ids(first)).containsExactlyElementsOf(oracle("%lisa%", 0, 25));
        assertThat(ids(search.find(ContactFilter.text("lisa"), anna.viewer(), 2, 50)))
                .containsExactlyElementsOf(oracle("%lisa%", 100, 50));
    }

    @Test
    void aRareTextIsCountedExactlyEvenWhenFoundInTwoPlaces() {
        insert(1_500, "g % 500 = 0", "'Person' || g || case when g % 500 = 0 then ' Quixote' else '' end");
        jdbc.update("update contacts set email = 'quixote@example.org' where name like 'Person1000 %'");
        jdbc.update("update contacts set email = 'quixote@example.org' where name = 'Person7'");

        Page<Contact> page = search.find(ContactFilter.text("quixote"), anna.viewer(), 0, 25);

        // Person500, Person1000 (name and e-mail: once), Person1500 by name, Person7 by e-mail; none of them Bob's
        // private ones (every tenth)
        assertThat(ids(page)).containsExactlyElementsOf(oracle("%quixote%", 0, 25));
        assertThat(page.getTotalElements()).isEqualTo(ids(page).size()).isBetween(1L, 4L);
    }

    @Test
    void aCommonTagAndAFewNamesHoldingTheSameTextAreOnePageInNameOrder() {
        // 1,500 contacts tagged "zeta" (more than the limit: that place is walked in order), and three whose names
        // hold it (few: known from the first statement), one of them first in name order and one last
        insert(1_500, "true", "(array['Ada','Max','Lea','Tom','Zoë'])[1 + g % 5] || ' Person' || g");
        jdbc.update("insert into contact_tags (contact_id, tag) select id, 'Zeta' from contacts");
        insert(3, "false", "(array['Aaron Zetamann','Mia Zeta','Zyx Zeta'])[g]", 95000000);
        jdbc.execute("analyze contact_tags");

        Page<Contact> first = search.find(ContactFilter.text("zeta"), anna.viewer(), 0, 25);

        assertThat(first.getTotalElements()).isEqualTo(ContactSearch.COUNT_LIMIT + 1);
        assertThat(ids(first))
                .containsExactlyElementsOf(oracleWithTags("zeta", 0, 25))
                .hasSize(25);
        assertThat(first.getContent().get(0).name()).isEqualTo("Aaron Zetamann");
        assertThat(ids(search.find(ContactFilter.text("zeta"), anna.viewer(), 12, 100)))
                .containsExactlyElementsOf(oracleWithTags("zeta", 1_200, 100))
                .hasSize(100);
        assertThat(ids(search.find(
                        new ContactFilter("zeta", null, null, null, null, null, ContactSort.CREATED),
                        anna.viewer(),
                        0,
                        25)))
                .containsExactlyElementsOf(oracleNewestFirst("zeta", 25));
    }

    @Test
    void placesThatEachHoldFewerThanTheLimitButTogetherMoreAreCountedAsMoreAndPagedExactly() {
        // 800 names and 800 other contacts' tags: no place gives more than 1,000, together they are 1,600
        insert(1_600, "g <= 800", "case when g <= 800 then 'Quorra Name' || g else 'Other Person' || g end");
        jdbc.update("insert into contact_tags (contact_id, tag) select id, 'quorra' from contacts"
                + " where name like 'Other Person%'");
        jdbc.execute("analyze contact_tags");

        Page<Contact> page = search.find(ContactFilter.text("Quorra"), anna.viewer(), 30, 25);

        assertThat(page.getTotalElements()).isEqualTo(ContactSearch.COUNT_LIMIT + 1);
        assertThat(ids(page))
                .containsExactlyElementsOf(oracleWithTags("quorra", 750, 25))
                .hasSize(25);
    }

    @Test
    void aTextIsNotFoundAcrossTheEndOfTheNameAndTheStartOfTheEmail() {
        insert(2, "false", "(array['Ada Lovelace','Alan Turing'])[g]");
        jdbc.update("update contacts set email = 'engine@example.org' where name = 'Ada Lovelace'");

        assertThat(search.find(ContactFilter.text("lace engine"), anna.viewer(), 0, 25)
                        .getContent())
                .isEmpty();
        assertThat(search.find(ContactFilter.text("laceengine"), anna.viewer(), 0, 25)
                        .getContent())
                .isEmpty();
        assertThat(search.find(ContactFilter.text("lace\nengine"), anna.viewer(), 0, 25)
                        .getContent())
                .isEmpty();
        assertThat(search.find(ContactFilter.text("ENGINE@"), anna.viewer(), 0, 25)
                        .getContent())
                .extracting(Contact::name)
                .containsExactly("Ada Lovelace");
    }

    /**
     * Contacts 1..count named by {@code nameSql} (of {@code g}); those where {@code matchSql} holds and g is a
     * multiple of 10 are Bob's private ones, which Anna may not see.
     */
    private void insert(int count, String matchSql, String nameSql) {
        insert(count, matchSql, nameSql, 90000000);
    }

    /** As above, the ids counting from {@code firstId} + 1, each created a second after the one before. */
    private void insert(int count, String matchSql, String nameSql, long firstId) {
        jdbc.update(
                "insert into contacts (id, name, owner_id, team_id, visibility, created_at, updated_at, version)"
                        + " select ? + g, " + nameSql + ", case when g % 10 = 0 and " + matchSql + " then ? end,"
                        + " null, case when g % 10 = 0 and " + matchSql + " then 'PRIVATE' else 'COMPANY' end,"
                        + " timestamp '2026-01-01 00:00:00' + g * interval '1 second' + (? - 90000000) * interval"
                        + " '1 minute', now(), 0 from generate_series(1, ?) g",
                firstId,
                bob.id().value(),
                firstId,
                count);
        jdbc.execute("analyze contacts");
    }

    /**
     * The page a plain {@code order by} of every contact Anna may see where {@code match} holds gives: what the
     * search must return.
     */
    private List<Long> oracle(Match match, String orderBy, int offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(anna.id().value());
        arguments.add(anna.viewer().team().value());
        arguments.addAll(match.arguments());
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.queryForList(
                "select c.id from contacts c where " + VISIBLE_TO_ANNA + " and (" + match.sql() + ") order by "
                        + orderBy + " limit ? offset ?",
                Long.class,
                arguments.toArray());
    }

    /** Contacts whose name or e-mail is {@code like} ({@code %text%}), in name order. */
    private List<Long> oracle(String like, int offset, int limit) {
        return oracle(
                new Match("lower(c.name) like ? or lower(c.email) like ?", List.of(like, like)),
                BY_NAME,
                offset,
                limit);
    }

    private List<Long> oracleDescending(String like, int limit) {
        return oracle(new Match("lower(c.name) like ?", List.of(like)), "c.name desc, c.id desc", 0, limit);
    }

    /** Contacts whose name or e-mail holds {@code text}, or that have it as a tag, in name order. */
    private List<Long> oracleWithTags(String text, int offset, int limit) {
        return oracle(withTags(text), BY_NAME, offset, limit);
    }

    private List<Long> oracleNewestFirst(String text, int limit) {
        return oracle(withTags(text), "c.created_at desc, c.id desc", 0, limit);
    }

    private static Match withTags(String text) {
        return new Match(
                "lower(c.name) like ? or lower(c.email) like ? or exists (select 1 from contact_tags t"
                        + " where t.contact_id = c.id and lower(t.tag) = ?)",
                List.of("%" + text + "%", "%" + text + "%", text));
    }

    /** A condition on the contact {@code c} and the values of its parameters. */
    private record Match(String sql, List<Object> arguments) {}

    private static List<Long> ids(Page<Contact> page) {
        return page.getContent().stream().map(contact -> contact.id().value()).toList();
    }
}
