package org.salescrm.testsupport;

/**
 * The one PostgreSQL server of this JVM, shared by every test class and every Quarkus application started in it;
 * each user asks for its own database on it.
 * <p>
 * Started on first use, stopped when the JVM exits. Works the same from a test resource and from inside a
 * {@code @QuarkusTest} method (see {@link JvmWide}). A test may {@link #stop()} and {@link #start()} it: it comes
 * back on the same port with its data.
 */
public final class SharedPostgres {

    // Used only in the copy held by the system class loader.
    private static PostgresServer server;
    private static int serversCreated;

    private SharedPostgres() {
    }

    /** Creates the database unless it exists; the first call in this JVM starts the server. */
    public static void createDatabase(String name) {
        JvmWide.call(SharedPostgres.class, "createDatabaseHere", name);
    }

    public static String jdbcUrl(String database) {
        return (String) JvmWide.call(SharedPostgres.class, "jdbcUrlHere", database);
    }

    public static String reactiveUrl(String database) {
        return (String) JvmWide.call(SharedPostgres.class, "reactiveUrlHere", database);
    }

    public static String username() {
        return (String) JvmWide.call(SharedPostgres.class, "usernameHere");
    }

    public static String password() {
        return (String) JvmWide.call(SharedPostgres.class, "passwordHere");
    }

    public static void start() {
        JvmWide.call(SharedPostgres.class, "startHere");
    }

    /** Stops the server ("fast": sessions are ended); clients find nobody there until {@link #start()}. */
    public static void stop() {
        JvmWide.call(SharedPostgres.class, "stopHere");
    }

    public static boolean isRunning() {
        return (Boolean) JvmWide.call(SharedPostgres.class, "isRunningHere");
    }

    /** How many servers this JVM has created: one, however many test classes and applications used it. */
    static int serversCreated() {
        return (Integer) JvmWide.call(SharedPostgres.class, "serversCreatedHere");
    }

    /** Created and started on first use; later only {@link #start()} and {@link #stop()} change its state. */
    private static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.onFreePort();
            serversCreated++;
            server.start();
        }
        return server;
    }

    private static synchronized void startHere() {
        server().start();
    }

    private static synchronized void createDatabaseHere(String name) {
        server().createDatabase(name);
    }

    private static synchronized String jdbcUrlHere(String database) {
        return server().jdbcUrl(database);
    }

    private static synchronized String reactiveUrlHere(String database) {
        return server().reactiveUrl(database);
    }

    private static synchronized String usernameHere() {
        return server().username();
    }

    private static synchronized String passwordHere() {
        return server().password();
    }

    private static synchronized void stopHere() {
        if (server != null) {
            server.stop();
        }
    }

    private static synchronized boolean isRunningHere() {
        return server != null && server.isRunning();
    }

    private static synchronized int serversCreatedHere() {
        return serversCreated;
    }
}
