package org.salescrm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server (zonky's binaries from Maven Central, no installation needed), run as a child
 * process on a port of its own.
 * <p>
 * Port and data directory are fixed when the server is built, so {@link #stop()} then {@link #start()} brings it
 * back on the same address with its databases. Closed when the JVM exits unless closed before. Free of
 * test-framework types: the local stack uses it too.
 */
public final class PostgresServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    // Names go into CREATE DATABASE as they are, so only plain identifiers (PostgreSQL folds them to lower case).
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String SUPERUSER = "postgres";
    // Any fixed number: the lock is released when the connection closes.
    private static final long CREATE_DATABASE_LOCK = 7_100_417L;

    private final int port;
    private final Path dataDirectory;
    private final boolean ownsDataDirectory;
    private final Map<String, String> serverConfig;
    private final Thread closeOnExit;
    private EmbeddedPostgres server;

    private PostgresServer(Builder builder) {
        this.port = builder.port != 0 ? builder.port : FreePorts.pick();
        this.ownsDataDirectory = builder.dataDirectory == null;
        this.dataDirectory = ownsDataDirectory ? TempDirectories.create("postgres") : builder.dataDirectory;
        this.serverConfig = Map.copyOf(builder.serverConfig);
        this.closeOnExit = ShutdownHooks.closeOnExit("postgres-server", this);
    }

    /** A server on a free port with a temporary data directory that {@link #close()} deletes. */
    public static PostgresServer onFreePort() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server (creating the cluster on first start); does nothing when it is already running. */
    public synchronized PostgresServer start() {
        if (server != null) {
            return this;
        }
        QuietLogging.postgres();
        long began = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            serverConfig.forEach(builder::setServerConfig);
            server = builder
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    // The data must survive stop(); close() deletes it when it is ours.
                    .setCleanDataDirectory(false)
                    // Ours closes the server; zonky's, running alongside, would let ours delete the data
                    // directory under a server still stopping, which then never stops.
                    .setRegisterShutdownHook(false)
                    // Durability is not wanted from a throwaway server, speed is.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL on port " + port, e);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        LOG.log(Level.INFO, () -> String.format("PostgreSQL up on port %d in %d ms (data in %s)", port, millis, dataDirectory));
        return this;
    }

    /** Stops the server ("fast" shutdown: open sessions are ended), keeping the data for the next start. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    /** Stops the server and deletes its data directory when the server created it. */
    @Override
    public synchronized void close() {
        stop();
        if (ownsDataDirectory) {
            TempDirectories.delete(dataDirectory);
        }
        ShutdownHooks.forget(closeOnExit);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Creates the database unless it exists; safe to call from several test resources at once. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
        }
        try (Connection connection = running().getPostgresDatabase().getConnection()) {
            // Two concurrent CREATE DATABASE of one name fail with a unique violation instead of waiting; a
            // session lock makes check-then-create atomic for every caller, whatever its JVM.
            execute(connection, "SELECT pg_advisory_lock(" + CREATE_DATABASE_LOCK + ")");
            if (!exists(connection, name)) {
                execute(connection, "CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The URL form Quarkus' reactive client takes for {@code quarkus.datasource.reactive.url}. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    /** Any password is accepted (the cluster trusts local connections); this one keeps clients that need one happy. */
    public String password() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private synchronized EmbeddedPostgres running() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is not running");
        }
        return server;
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A fixed port and data directory let a launcher keep the same cluster across runs. */
    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private final Map<String, String> serverConfig = new LinkedHashMap<>();

        private Builder() {
        }

        /** A setting of postgresql.conf, such as {@code shared_preload_libraries}, on top of the fixed ones. */
        public Builder serverConfig(String name, String value) {
            serverConfig.put(name, value);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where the cluster lives; kept by {@link PostgresServer#close()}. Default: a temporary directory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public PostgresServer build() {
            return new PostgresServer(this);
        }
    }
}
