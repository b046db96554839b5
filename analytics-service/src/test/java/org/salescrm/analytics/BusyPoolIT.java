package org.salescrm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.database.DatabaseFailures;

/**
 * A pool with no connection free within its wait counts as the database being away, so the event consumers wait
 * for it (retrying without end) instead of spending their attempts and dead-lettering good events.
 */
@QuarkusTest
class BusyPoolIT {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aBorrowThatTimesOutOnABusyPoolIsTheDatabaseBeingAway() throws Exception {
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(300).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                .connectingTo(PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                        .setUser(user).setPassword(password))
                .using(vertx).build();
        try {
            SqlConnection only = pool.getConnection().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            Throwable busy = catchThrowable(() ->
                    pool.getConnection().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));

            assertThat(busy).as("the second borrow fails within the pool's wait").isNotNull();
            assertThat(DatabaseFailures.isUnavailable(busy)).as("%s", busy.getCause()).isTrue();
            assertThat(DatabaseFailures.isUnavailable(new CompletionException(busy.getCause())))
                    .as("wrapped, as Hibernate Reactive hands it on").isTrue();
            only.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(DatabaseFailures.isUnavailable(catchThrowable(() -> pool.query("SELECT 1 / 0").execute()
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))))
                    .as("a statement the server refuses is not").isFalse();
        } finally {
            pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
