package io.switchboard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the real schema on a real PostgreSQL. Every such test class shares one Spring context and one
 * database; {@link Database#clear} empties it between tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {CrmTestApplication.class, EmbeddedPostgresConfiguration.class})
public @interface PostgresTest {}
