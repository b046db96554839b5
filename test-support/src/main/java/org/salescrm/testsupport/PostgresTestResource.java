package org.salescrm.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.salescrm.embedded.SharedPostgres;

/**
 * Gives the application its own database on this JVM's shared PostgreSQL server ({@link SharedPostgres}).
 * <p>
 * {@code @QuarkusTestResource(value = PostgresTestResource.class,
 * initArgs = @ResourceArg(name = "database", value = "customer"))}. The server is stopped when the JVM exits,
 * not when a test resource stops; the database is kept, so tests must not rely on it being empty.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";
    private static final String DEFAULT_DATABASE = "app";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        // A previous test class may have stopped the server and failed before starting it again.
        SharedPostgres.start();
        SharedPostgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", SharedPostgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", SharedPostgres.reactiveUrl(database),
                "quarkus.datasource.username", SharedPostgres.username(),
                "quarkus.datasource.password", SharedPostgres.password());
    }

    @Override
    public void stop() {
        // Shared with the test classes still to come; it closes itself when the JVM exits.
    }
}
