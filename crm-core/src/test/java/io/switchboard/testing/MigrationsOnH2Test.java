package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contact.CallerLookup;
import io.switchboard.contact.ColumnMapping;
import io.switchboard.contact.ContactImporter;
import io.switchboard.contact.ImportOptions;
import io.switchboard.contact.ImportReport;
import io.switchboard.contact.MatchRank;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's database: an H2 file in PostgreSQL mode. The same migrations must run on it unchanged, the
 * entities must fit the schema (Hibernate validates it), and the hand-written SQL of lookup and import must run.
 */
@SpringBootTest(classes = CrmTestApplication.class)
class MigrationsOnH2Test {

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:./target/h2-smoke/" + UUID.randomUUID()
                        + "/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ContactImporter importer;

    @Autowired
    CallerLookup lookup;

    @Autowired
    Directory directory;

    @Test
    void migrationsRunOnH2InPostgresMode() {
        assertThat(jdbc.queryForObject("select database_path() is not null", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "select version from flyway_schema_history where version is not null order by installed_rank",
                        String.class))
                .containsExactly("1", "2");
    }

    @Test
    void importAndLookupWorkOnH2() {
        Viewer admin =
                directory.add(new NewUser("root", null, Role.ADMIN, null, null)).viewer();
        ImportReport report = importer.importCsv(
                new StringReader("name,company,phone,tags\nAda,Engines,030 1234567,vip\nOdd,,0151-1234567,\n"),
                ImportOptions.of(new ColumnMapping("name", "company", null, "phone", null, "tags", null, null)));

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.unparseablePhones()).isEqualTo(1);
        assertThat(lookup.lookup("+49301234567", admin).rank()).isEqualTo(MatchRank.EXACT);
        assertThat(lookup.lookup("+44 20 01234567", admin).rank()).isEqualTo(MatchRank.TRAILING_DIGITS);
        assertThat(lookup.lookup("01511234567", admin).rank()).isEqualTo(MatchRank.NATIONAL);
    }
}
