package org.salescrm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/** What is not the database being away; a busy pool is, against a real pool and server, in a service IT (BusyPoolIT). */
class DatabaseFailuresTest {

    @Test
    void aStatementTheServerRefusesIsNotTheDatabaseBeingAway() {
        assertThat(DatabaseFailures.isUnavailable(new PgException("syntax error", "ERROR", "42601", "at or near"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("Timeout"))).as("a same-named message alone")
                .isFalse();
    }

    @Test
    void aServerShuttingDownIsTheDatabaseBeingAway() {
        assertThat(DatabaseFailures.isUnavailable(new PgException("terminating connection", "FATAL", "57P01", null)))
                .isTrue();
    }
}
