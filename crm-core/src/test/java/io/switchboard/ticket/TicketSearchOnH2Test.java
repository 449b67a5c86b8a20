package io.switchboard.ticket;

import io.switchboard.testing.CrmTestApplication;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo's database: H2 in PostgreSQL mode, without pg_trgm, finds the same tickets. */
@SpringBootTest(classes = CrmTestApplication.class)
class TicketSearchOnH2Test extends TicketSearchContract {

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:./target/h2-ticket-search/" + UUID.randomUUID()
                        + "/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
