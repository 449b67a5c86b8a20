package io.switchboard.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The module's SQL tests run on the JVM's one embedded PostgreSQL ({@link SharedPostgres}). */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource() {
        EmbeddedPostgres postgres = SharedPostgres.get();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(SharedPostgres.jdbcUrl(postgres));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(8);
        return dataSource;
    }
}
