package org.salescrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.PostgresServer;

class PostgresServerIT {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.onFreePort().start();
    }

    @AfterAll
    static void close() {
        postgres.close();
    }

    @Test
    void createDatabaseIsIdempotentAlsoWhenCallersRace() throws SQLException {
        postgres.createDatabase("visits");
        postgres.createDatabase("visits");
        List<CompletableFuture<Void>> racing = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(() -> postgres.createDatabase("goals")))
                .toList();
        racing.forEach(CompletableFuture::join);

        assertThat(query("visits", "SELECT current_database()")).isEqualTo("visits");
        assertThat(query("goals", "SELECT current_database()")).isEqualTo("goals");
    }

    @Test
    void urlsNameTheDatabaseOnTheServersPort() {
        assertThat(postgres.jdbcUrl("customer")).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/customer");
        assertThat(postgres.reactiveUrl("customer")).isEqualTo("postgresql://localhost:" + postgres.port() + "/customer");
    }

    @Test
    void dataSurvivesAStopAndStartOnTheSamePort() throws SQLException {
        postgres.createDatabase("restarts");
        execute("restarts", "CREATE TABLE IF NOT EXISTS note (text varchar)", "INSERT INTO note VALUES ('before stop')");

        postgres.stop();
        assertThat(postgres.isRunning()).isFalse();
        postgres.start();

        assertThat(query("restarts", "SELECT text FROM note")).isEqualTo("before stop");
    }

    @Test
    void closeDeletesTheTemporaryDataDirectory() {
        PostgresServer throwaway = PostgresServer.onFreePort().start();
        Path data = throwaway.dataDirectory();

        throwaway.close();

        assertThat(Files.exists(data)).isFalse();
    }

    private static String query(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
