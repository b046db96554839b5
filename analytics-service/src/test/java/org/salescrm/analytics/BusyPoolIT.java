package org.salescrm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
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
import org.salescrm.platform.database.Uncancellable;

/**
 * A pool with no connection free within its wait counts as the database being away, so the event consumers wait
 * for it (retrying without end) instead of spending their attempts and dead-lettering good events; and work that
 * waits on a busy pool loses no connection when its waiter gives up.
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

    @Test
    void workWhoseWaiterGivesUpOnABusyPoolStillGivesItsConnectionBack() throws Exception {
        Pool pool = onePooledConnection();
        try {
            SqlConnection only = borrow(pool);
            Uncancellable.of(borrowAndReturn(pool)).subscribe().with(done -> { }).cancel();
            close(only);

            close(borrow(pool));
        } finally {
            close(pool);
        }
    }

    /** Why {@link Uncancellable} exists: the pool hands a freed connection to a cancelled borrow, which keeps it. */
    @Test
    void aBorrowCancelledOnABusyPoolKeepsTheConnectionItIsHanded() throws Exception {
        Pool pool = onePooledConnection();
        try {
            SqlConnection only = borrow(pool);
            borrowAndReturn(pool).subscribe().with(done -> { }).cancel();
            close(only);

            assertThat(catchThrowable(() -> borrow(pool))).as("the pool's one connection is lost").isNotNull();
        } finally {
            close(pool);
        }
    }

    private Pool onePooledConnection() {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(2).setConnectionTimeoutUnit(TimeUnit.SECONDS))
                .connectingTo(PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                        .setUser(user).setPassword(password))
                .using(vertx).build();
    }

    private static Uni<Void> borrowAndReturn(Pool pool) {
        io.vertx.mutiny.sqlclient.Pool mutiny = io.vertx.mutiny.sqlclient.Pool.newInstance(pool);
        return mutiny.getConnection().chain(connection -> connection.query("SELECT 1").execute()
                .eventually(connection::close)).replaceWithVoid();
    }

    private static SqlConnection borrow(Pool pool) throws Exception {
        return pool.getConnection().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void close(SqlConnection connection) throws Exception {
        connection.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void close(Pool pool) throws Exception {
        pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
