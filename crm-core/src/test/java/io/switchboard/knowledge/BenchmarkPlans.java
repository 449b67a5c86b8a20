package io.switchboard.knowledge;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Prints {@code explain (analyze, buffers)} of the benchmark's first query of each kind (-Dbench.explain=true). */
final class BenchmarkPlans {

    private BenchmarkPlans() {}

    static void print(JdbcTemplate jdbc, Map<String, List<String>> kinds) {
        PostgresArticleSearch search = new PostgresArticleSearch(new NamedParameterJdbcTemplate(jdbc), "english");
        for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
            String query = kind.getValue().get(0);
            System.out.printf("%n-- %s: %s%n", kind.getKey(), query);
            search.plans(query, 20).forEach(System.out::println);
        }
    }
}
