package org.salescrm.embedded;

/**
 * The one PostgreSQL server of this JVM, shared by every test class and every Quarkus application started in it;
 * each user asks for its own database on it.
 * <p>
 * Started on first use, stopped when the JVM exits. Loaded parent-first in Quarkus tests, like {@link SharedKafka},
 * so every application sees these statics. A test may {@link #stop()} and {@link #start()} it: it comes back on the
 * same port with its data.
 */
public final class SharedPostgres {

    private static PostgresServer server;
    private static int serversCreated;

    private SharedPostgres() {
    }

    /** Creates the database unless it exists; the first call in this JVM starts the server. */
    public static synchronized void createDatabase(String name) {
        SharedKafka.inOwnClassLoader(() -> {
            server().createDatabase(name);
            return null;
        });
    }

    public static synchronized String jdbcUrl(String database) {
        return server().jdbcUrl(database);
    }

    public static synchronized String reactiveUrl(String database) {
        return server().reactiveUrl(database);
    }

    public static synchronized String username() {
        return server().username();
    }

    public static synchronized String password() {
        return server().password();
    }

    public static synchronized void start() {
        SharedKafka.inOwnClassLoader(() -> server().start());
    }

    /** Stops the server ("fast": sessions are ended); clients find nobody there until {@link #start()}. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** How many servers this JVM has created: one, however many test classes and applications used it. */
    public static synchronized int serversCreated() {
        return serversCreated;
    }

    /** Created and started on first use; later only {@link #start()} and {@link #stop()} change its state. */
    private static PostgresServer server() {
        if (server == null) {
            // The JDBC driver, too, is found through the context class loader.
            server = SharedKafka.inOwnClassLoader(() -> PostgresServer.onFreePort().start());
            serversCreated++;
        }
        return server;
    }
}
