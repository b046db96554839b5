package org.salescrm.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.salescrm.platform.database.NativeQueries;
import org.salescrm.platform.database.Row;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;

/**
 * Makes a create safe to retry: the caller's {@code Idempotency-Key} (or the client id in the
 * body) is claimed in the create's own transaction. A retry, even one racing the first request,
 * waits on the key's row and then finds the resource the first request made.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");

    private final Clock clock;
    private final Pool pool;
    private final Duration retention;

    public IdempotencyKeys(Clock clock, Pool pool, IdempotencyConfig config) {
        this.clock = clock;
        this.pool = pool;
        this.retention = config.retention();
    }

    /** Refuses keys that are empty, too long or not printable ASCII, naming the field they came in. */
    public static String validated(String key, String field) {
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation(field, "format", "1 to 200 printable ASCII characters")),
                    "malformed-field", field, key);
        }
        return key;
    }

    /**
     * Claims the key for a resource about to be created, inside the open transaction. Returns
     * {@code resourceId} when the key is new, else the id of the resource made under it before.
     */
    public Uni<UUID> claim(String callerId, String key, String resourceType, UUID resourceId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO idempotency_key (caller_id, idempotency_key, resource_type, resource_id, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, callerId).setParameter(2, key).setParameter(3, resourceType)
                .setParameter(4, resourceId).setParameter(5, now)
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(resourceId)
                        : earlierResource(session, callerId, key, resourceType)));
    }

    private static Uni<UUID> earlierResource(Mutiny.Session session, String callerId,
                                             String key, String resourceType) {
        return NativeQueries.rows(session, """
                        SELECT resource_type, resource_id FROM idempotency_key
                        WHERE caller_id = ?1 AND idempotency_key = ?2""", callerId, key)
                .map(rows -> {
                    Row row = rows.get(0);
                    String earlierType = row.text("resource_type");
                    if (!resourceType.equals(earlierType)) {
                        throw Problems.ruleViolated("idempotency-key-reused",
                                List.of(new FieldViolation("Idempotency-Key", "unique",
                                        "already used for a " + earlierType)), "idempotency-key-reused", key, earlierType);
                    }
                    return row.uuid("resource_id");
                });
    }

    /** Retries come within minutes or days of the first attempt, never weeks. */
    @Scheduled(every = "1h", delayed = "5m")
    void forgetOldKeys() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        pool.preparedQuery("DELETE FROM idempotency_key WHERE created_at < $1")
                .execute(Tuple.of(before)).await().atMost(Duration.ofMinutes(1));
    }
}
