package io.switchboard.knowledge;

import io.switchboard.testing.CrmTestApplication;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo's search: the plain word match on an H2 file database in PostgreSQL mode, held to the same contract. */
@SpringBootTest(classes = CrmTestApplication.class)
class KnowledgeSearchOnH2Test extends KnowledgeSearchContract {

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:./target/h2-kb/" + UUID.randomUUID()
                        + "/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
