package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.CrmTestApplication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's database (H2 in PostgreSQL mode) runs every statement of a text search, also those only a text more
 * than {@link ContactSearch#COUNT_LIMIT} contacts match sends (the walk in order, the sort of every match): each page
 * is the page a plain {@code order by} gives on H2.
 */
@SpringBootTest(classes = CrmTestApplication.class)
class ContactSearchOnH2Test {

    private static final String MATCHES = "(lower(c.name) like ? or exists (select 1 from contact_tags t"
            + " where t.contact_id = c.id and lower(t.tag) = ?))";

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:./target/h2-search/" + UUID.randomUUID()
                        + "/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    ContactSearch search;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void commonTextsAreWalkedOrSortedAndPagedAsAPlainOrderByOnH2() {
        Viewer admin = directory
                .add(new NewUser("h2admin", null, Role.ADMIN, null, null))
                .viewer();
        // 1,500 of 10,500 people tagged "zeta", three more named so (first in name order); 1,200 "Zoe Lisa" at the
        // end of the order, behind more contacts than a walk reads
        jdbc.update("insert into contacts (id, name, visibility, created_at, updated_at, version)"
                + " select 80000000 + x, case when x <= 10500 then 'Person ' || x when x <= 10503 then 'Aaron Zeta'"
                + " || x else 'Zoe Lisa ' || x end, 'COMPANY', now(), now(), 0 from system_range(1, 11703) g(x)");
        jdbc.update("insert into contact_tags (contact_id, tag) select id, 'Zeta' from contacts where id <= 80001500");

        Page<Contact> zeta = search.find(ContactFilter.text("zeta"), admin, 0, 25);
        Page<Contact> lisa = search.find(ContactFilter.text("lisa"), admin, 1, 25);

        assertThat(zeta.getTotalElements()).isEqualTo(ContactSearch.COUNT_LIMIT + 1);
        assertThat(ids(zeta)).containsExactlyElementsOf(oracle("zeta", 0, 25)).hasSize(25);
        assertThat(zeta.getContent().get(0).name()).startsWith("Aaron Zeta");
        assertThat(lisa.getTotalElements()).isEqualTo(ContactSearch.COUNT_LIMIT + 1);
        assertThat(ids(lisa)).containsExactlyElementsOf(oracle("lisa", 25, 25)).hasSize(25);
    }

    private List<Long> oracle(String text, int offset, int limit) {
        return jdbc.queryForList(
                "select c.id from contacts c where " + MATCHES + " order by c.name, c.id limit ? offset ?",
                Long.class,
                "%" + text + "%",
                text,
                limit,
                offset);
    }

    private static List<Long> ids(Page<Contact> page) {
        return page.getContent().stream().map(contact -> contact.id().value()).toList();
    }
}
