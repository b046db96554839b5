package org.salescrm.bench.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salescrm.bench.data.Ids;
import org.salescrm.embedded.PostgresServer;

/**
 * The database's own limit for the rows the API writes and reads: {@code pgbench} with custom scripts on the same
 * PostgreSQL server, same databases, same indexes. The inserts go to copies of the services' tables
 * ({@code CREATE TABLE … (LIKE … INCLUDING ALL)}: same columns, constraints and indexes) so that the services' outbox
 * relays do not publish pgbench's rows.
 */
public final class PgBench {

    private static final String PGBENCH = "/usr/bin/pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    /** Clients of pgbench: as many connections as the generator keeps busy against the API. */
    private static final int CLIENTS = 16;

    private final PostgresServer postgres;
    private final Path scripts;
    private final int customers;

    public PgBench(PostgresServer postgres, Path work, int customers) {
        this.postgres = postgres;
        this.scripts = work.resolve("pgbench");
        this.customers = customers;
    }

    /** One visit row and one outbox row (the event, of a realistic size) per transaction, as create-visit writes. */
    public double createVisit(int seconds) {
        sql("visit", "CREATE TABLE IF NOT EXISTS bench_visit (LIKE visit INCLUDING ALL)",
                "CREATE TABLE IF NOT EXISTS bench_outbox_event (LIKE outbox_event INCLUDING ALL)");
        String payload = ("{\"specversion\":\"1.0\",\"type\":\"crm.visit.logged.v1\",\"source\":\"visit-service\","
                + "\"data\":{\"method\":\"ONSITE\",\"purpose\":\"需求调研\",\"purposeAchieved\":true,"
                + "\"sentiment\":\"POSITIVE\",\"effective\":true,\"lateEntry\":false,\"durationMinutes\":45,"
                + "\"keyPersonIds\":[],\"ownerId\":\"bench-rep-1\",\"ownerTeam\":\"bench\"}}")
                // pgbench reads ":name" as a variable: a space after each colon keeps the JSON's colons literal.
                .replace("\":", "\": ");
        return run("visit", "create-visit.sql", seconds, """
                \\set i random(1, %d)
                BEGIN;
                INSERT INTO bench_visit (id, logged_by, customer_id, owner_id, owner_team, method, occurred_at,
                    logged_at, purpose, purpose_achieved, duration_minutes, summary, sentiment, effective, late_entry,
                    version, created_at, updated_at)
                  VALUES (gen_random_uuid(), 'bench-rep-1', %s, 'bench-rep-1', 'bench', 'ONSITE',
                    now() - interval '1 hour', now(), '需求调研', true, 45, '拜访客户，沟通需求与报价，约定下次演示。',
                    'POSITIVE', true, false, 1, now(), now());
                INSERT INTO bench_outbox_event (event_id, topic, record_key, type, payload, created_at)
                  VALUES (gen_random_uuid(), 'crm.visits', 'key', 'crm.visit.logged.v1', '%s', now());
                END;
                """.formatted(customers, Ids.sql(Ids.CUSTOMER, "(:i)::bigint"), payload).replace("\n    ", " "));
    }

    /** A primary-key select of a customer row, as get-customer reads it. */
    public double getCustomer(int seconds) {
        return run("customer", "get-customer.sql", seconds, """
                \\set i random(1, %d)
                SELECT * FROM customer WHERE id = %s;
                """.formatted(customers, Ids.sql(Ids.CUSTOMER, "(:i)::bigint")));
    }

    /** One customer row (its three unique indexes included), as create-customer writes besides history and outbox. */
    public double createCustomer(int seconds) {
        sql("customer", "CREATE TABLE IF NOT EXISTS bench_customer (LIKE customer INCLUDING ALL)");
        return run("customer", "create-customer.sql", seconds, """
                INSERT INTO bench_customer (id, name, normalized_name, industry, region, grade, owner_id, owner_team, created_by, created_at, updated_at, version, owner_since) VALUES (gen_random_uuid(), '压测新客户 ' || gen_random_uuid(), gen_random_uuid()::text, '制造业', '华东', 'B', 'bench-rep-1', 'bench', 'bench-rep-1', now(), now(), 1, now());
                """);
    }

    private double run(String database, String name, int seconds, String script) {
        try {
            Files.createDirectories(scripts);
            Path file = scripts.resolve(name);
            // pgbench reads one SQL command per line unless it ends in a semicolon: keep each statement on one line.
            Files.writeString(file, script.replaceAll("\n(?=[ a-z(])", " "));
            Path log = scripts.resolve(name.replace(".sql", ".log"));
            Process process = new ProcessBuilder(List.of(PGBENCH, "-n", "-M", "prepared", "-c", String.valueOf(CLIENTS),
                    "-j", "2", "-T", String.valueOf(seconds), "-h", "localhost", "-p", String.valueOf(postgres.port()),
                    "-U", postgres.username(), "-f", file.toString(), database))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.waitFor(seconds + 60L, TimeUnit.SECONDS);
            String output = Files.readString(log);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench " + name + " gave no tps:\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + PGBENCH, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void sql(String database, String... statements) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password()); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
