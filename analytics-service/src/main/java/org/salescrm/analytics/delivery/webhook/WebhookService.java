package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/** Webhook and e-mail subscriptions: who may subscribe to which teams' alerts, and the delivery log. */
@ApplicationScoped
public class WebhookService {

    static final String RESOURCE = "webhook";
    private static final int MAX_TEAM_LENGTH = 200;

    private final WebhookSubscriptions subscriptions;
    private final Pool pool;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookService(WebhookSubscriptions subscriptions, Pool pool, Clock clock, WebhookTargets targets) {
        this.subscriptions = subscriptions;
        this.pool = pool;
        this.clock = clock;
        this.targets = targets;
    }

    /**
     * A manager subscribes to their own teams only, naming them; an admin to any teams, or to all
     * of them with none named. A retry with the first request's Idempotency-Key gets the first
     * subscription back.
     */
    public Uni<Created<WebhookView>> create(WebhookRequest request, Caller caller, String idempotencyKey) {
        DeliveryTarget target = DeliveryTarget.of(request);
        List<String> teams = allowedTeams(request.teams(), caller);
        List<String> eventTypes = WebhookEventTypes.known(request.eventTypes());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return publicTarget(target.url()).chain(() -> pool.withTransaction(tx -> claim(tx, caller, idempotencyKey, id, now).chain(owner -> owner.equals(id)
                ? subscriptions.insert(tx, id, target, teams, caller.id(), now, eventTypes)
                        .chain(() -> subscriptions.findVisible(tx, id, caller)).map(Created::fresh)
                : subscriptions.findVisible(tx, owner, caller)
                        .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, owner))
                        .map(Created::replay))));
    }

    /**
     * A URL whose host resolves to a loopback, private, link-local or multicast address is refused.
     * One that resolves to nothing yet is accepted: every delivery checks its target again. An e-mail
     * subscription has no URL: its mail goes through the configured SMTP server.
     */
    private Uni<Void> publicTarget(String url) {
        if (url == null) {
            return Uni.createFrom().voidItem();
        }
        return targets.destination(url).replaceWithVoid()
                .onFailure(WebhookTargets.UnresolvedHost.class).recoverWithNull()
                .onFailure(WebhookTargets.Refused.class).transform(refused -> Problems.ruleViolated("validation",
                        List.of(new FieldViolation("url", "publicAddress",
                                "must resolve to a public address: " + refused.getMessage())),
                        "webhook-url-not-public", refused.getMessage()));
    }

    public Uni<WebhookView> find(UUID id, Caller caller) {
        return subscriptions.findVisible(id, caller);
    }

    public Uni<Page<WebhookView>> list(PageRequest page, Caller caller) {
        return subscriptions.list(page, caller)
                .map(rows -> Page.of(rows, page, WebhookSubscriptions::cursorOf, view -> view));
    }

    /** Out of reach or already deleted answers 404, like a subscription that never was. */
    public Uni<Void> delete(UUID id, Caller caller) {
        return subscriptions.delete(id, caller, clock.instant())
                .chain(deleted -> deleted ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(Problems.notFound(RESOURCE, id)));
    }

    public Uni<Page<DeliveryView>> deliveries(UUID id, String status, PageRequest page, Caller caller) {
        return subscriptions.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, id))
                .chain(subscription -> subscriptions.deliveries(id, status, page))
                .map(rows -> Page.of(rows, page, WebhookSubscriptions::cursorOf, view -> view));
    }

    /** The teams asked for, trimmed and without repeats, once the caller is allowed all of them. */
    static List<String> allowedTeams(List<String> asked, Caller caller) {
        Set<String> teams = new LinkedHashSet<>();
        List<FieldViolation> invalid = new ArrayList<>();
        for (int i = 0; asked != null && i < asked.size(); i++) {
            String team = asked.get(i) == null ? "" : asked.get(i).strip();
            if (team.isEmpty()) {
                invalid.add(new FieldViolation("teams[" + i + "]", "NotBlank", "must not be blank"));
            } else if (team.length() > MAX_TEAM_LENGTH) {
                invalid.add(new FieldViolation("teams[" + i + "]", "Size",
                        "size must be between 1 and " + MAX_TEAM_LENGTH));
            }
            teams.add(team);
        }
        if (!invalid.isEmpty()) {
            throw Problems.ruleViolated("validation", invalid, "validation",
                    String.join(", ", invalid.stream().map(FieldViolation::field).toList()));
        }
        if (caller.isAdmin()) {
            return List.copyOf(teams);
        }
        if (teams.isEmpty() && !caller.visibleTeams().isEmpty()) {
            // a manager who names no team means the teams they manage, never every team
            return List.copyOf(caller.visibleTeams());
        }
        if (teams.isEmpty()) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("teams", "required-for-manager",
                            "a manager names the teams to subscribe to")), "webhook-teams-required");
        }
        for (String team : teams) {
            if (!caller.visibleTeams().contains(team)) {
                throw Problems.forbidden("webhook-team-forbidden", team);
            }
        }
        return List.copyOf(teams);
    }

    /**
     * The idempotency key is claimed in the create's own transaction, as the platform does for
     * entities; a retry racing the first request waits on the key's row. Returns {@code id} when
     * the key is new (or absent), else the subscription made under it before.
     */
    private static Uni<UUID> claim(SqlClient tx, Caller caller, String key, UUID id, Instant now) {
        if (key == null) {
            return Uni.createFrom().item(id);
        }
        return tx.preparedQuery("""
                        INSERT INTO idempotency_key (caller_id, idempotency_key, resource_type, resource_id, created_at)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(caller.id(), key, RESOURCE, id, WebhookSubscriptions.utc(now)))
                .chain(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().item(id)
                        : tx.preparedQuery("""
                                        SELECT resource_type, resource_id FROM idempotency_key
                                        WHERE caller_id = $1 AND idempotency_key = $2""")
                                .execute(Tuple.of(caller.id(), key))
                                .map(rows -> {
                                    var row = rows.iterator().next();
                                    if (!RESOURCE.equals(row.getString("resource_type"))) {
                                        throw Problems.ruleViolated("idempotency-key-reused",
                                                List.of(new FieldViolation("Idempotency-Key", "unique",
                                                        "already used for a " + row.getString("resource_type"))),
                                                "idempotency-key-reused", key, row.getString("resource_type"));
                                    }
                                    return row.getUUID("resource_id");
                                }));
    }
}
