package org.salescrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedPostgres;

@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = KafkaTestResource.TOPICS, value = "test-support.pings"))
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "customer"))
class ReactiveDatasourceIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @AfterEach
    void serverIsBackForTheNextTest() {
        SharedPostgres.start();
    }

    @Test
    void reactiveClientReachesTheDatabaseNamedByTheTestResource() {
        Row row = pool.query("SELECT current_database() AS db, current_setting('server_version_num')::int AS version")
                .execute().await().atMost(WAIT).iterator().next();

        assertThat(row.getString("db")).isEqualTo("customer");
        assertThat(row.getInteger("version")).isGreaterThanOrEqualTo(170000);
    }

    @Test
    void writesAndReadsRows() {
        pool.query("CREATE TABLE IF NOT EXISTS greeting (id serial PRIMARY KEY, text varchar NOT NULL)")
                .execute().await().atMost(WAIT);
        pool.preparedQuery("INSERT INTO greeting (text) VALUES ($1) RETURNING id")
                .execute(Tuple.of("你好, 客户")).await().atMost(WAIT);

        Row row = pool.query("SELECT text FROM greeting ORDER BY id DESC LIMIT 1")
                .execute().await().atMost(WAIT).iterator().next();

        assertThat(row.getString("text")).isEqualTo("你好, 客户");
    }

    @Test
    void dataAndTheApplicationsPoolSurviveAServerRestart() {
        pool.query("CREATE TABLE IF NOT EXISTS outage (note varchar)").execute().await().atMost(WAIT);
        pool.query("INSERT INTO outage VALUES ('before the outage')").execute().await().atMost(WAIT);

        SharedPostgres.stop();
        assertThat(SharedPostgres.isRunning()).isFalse();
        assertThatThrownBy(() -> pool.query("SELECT 1").execute().await().atMost(WAIT)).isNotNull();
        SharedPostgres.start();

        // The pool drops connections the outage broke and opens new ones; the first attempts may still fail.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(pool.query("SELECT note FROM outage").execute().await().atMost(WAIT).iterator().next()
                        .getString("note")).isEqualTo("before the outage"));
    }
}
