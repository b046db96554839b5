package org.salescrm.visit.visit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.visit.customers.CustomerAccess;
import org.salescrm.visit.customers.CustomerReplica;
import org.salescrm.visit.followup.FollowUp;
import org.salescrm.visit.followup.FollowUpService;

@ApplicationScoped
public class VisitService {

    private final VisitRepository visits;
    private final VisitCorrectionRepository corrections;
    private final CustomerAccess access;
    private final VisitLinks links;
    private final FollowUpService followUps;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final VisitConfig config;
    private final Clock clock;

    public VisitService(VisitRepository visits, VisitCorrectionRepository corrections, CustomerAccess access,
                        VisitLinks links, FollowUpService followUps, Outbox outbox, IdempotencyKeys idempotencyKeys, VisitConfig config,
                        Clock clock) {
        this.visits = visits;
        this.corrections = corrections;
        this.access = access;
        this.links = links;
        this.followUps = followUps;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Logs a visit once. A retry with the same clientId (per caller) or Idempotency-Key gets the
     * first visit. Two racing retries: the idempotency key's row makes the second wait for the
     * first and then find its visit; for a clientId the unique index refuses the second insert,
     * and the recovery reads the first one's visit.
     */
    public Uni<Created<Visit>> log(VisitRequest request, Caller caller, String idempotencyKey) {
        Instant now = clock.instant();
        checkTimes(request, now);
        return Panache.withTransaction(() -> logOnce(request, caller, idempotencyKey, now))
                .onFailure(failure -> request.clientId() != null && DatabaseFailures.isUniqueViolation(failure))
                .recoverWithUni(() -> Panache.withSession(() -> visits.findByClientId(caller.id(), request.clientId())
                        .onItem().ifNull().failWith(() -> new IllegalStateException("client id taken, visit missing"))
                        .map(Created::replay)));
    }

    private Uni<Created<Visit>> logOnce(VisitRequest request, Caller caller, String idempotencyKey, Instant now) {
        Uni<Visit> byClientId = request.clientId() == null ? Uni.createFrom().nullItem()
                : visits.findByClientId(caller.id(), request.clientId());
        return byClientId.chain(earlier -> {
            if (earlier != null) {
                return Uni.createFrom().item(Created.replay(earlier));
            }
            UUID id = UUID.randomUUID();
            Uni<UUID> owner = idempotencyKey == null ? Uni.createFrom().item(id)
                    : idempotencyKeys.claim(caller.id(), idempotencyKey, "visit", id);
            return owner.chain(existing -> existing.equals(id)
                    ? insert(id, request, caller, now).map(Created::fresh)
                    : visits.findById(existing)
                            .onItem().ifNull().failWith(() -> Problems.notFound("visit", existing))
                            .map(Created::replay));
        });
    }

    /**
     * The visit is flushed first, so a clientId race fails before any lock is taken for the events.
     * The key persons and opportunity it names must be true before it can count.
     */
    private Uni<Visit> insert(UUID id, VisitRequest request, Caller caller, Instant now) {
        return access.requireWorkable(request.customerId(), caller, "customerId")
                .call(customer -> links.check(customer.customerId, request.keyPersonIds(), request.opportunityId()))
                .chain(customer -> persist(id, request, customer, caller, now));
    }

    private Uni<Visit> persist(UUID id, VisitRequest request, CustomerReplica customer, Caller caller, Instant now) {
        Visit visit = newVisit(id, request, customer, caller, now);
        FollowUp followUp = request.nextAction() == null ? null
                : followUps.fromVisit(id, customer, caller.id(), request.opportunityId(),
                        request.nextAction().action().strip(), request.nextAction().dueOn());
        visit.followUpId = followUp == null ? null : followUp.id;
        return visits.persistAndFlush(visit)
                .call(saved -> followUp == null ? Uni.createFrom().voidItem() : followUps.persistAndPublish(followUp))
                .call(saved -> outbox.append(VisitEvents.logged(saved)));
    }

    /** Rules Bean Validation cannot state: they need the injected clock or two fields at once. */
    private void checkTimes(VisitRequest request, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.occurredAt().isAfter(now.plus(config.futureTolerance()))) {
            violations.add(new FieldViolation("occurredAt", "PastOrPresent", "must not be in the future"));
        }
        if (request.nextAction() != null) {
            LocalDate visitDay = LocalDate.ofInstant(request.occurredAt(), clock.getZone());
            if (request.nextAction().dueOn().isBefore(visitDay)) {
                violations.add(new FieldViolation("nextAction.dueOn", "NotBeforeVisit",
                        "must not be before the day of the visit"));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.ruleViolated("validation", violations, "validation",
                    String.join(", ", violations.stream().map(FieldViolation::field).toList()));
        }
    }

    private Visit newVisit(UUID id, VisitRequest r, CustomerReplica customer, Caller caller, Instant now) {
        Visit v = new Visit();
        v.id = id;
        v.clientId = r.clientId();
        v.loggedBy = caller.id();
        v.customerId = r.customerId();
        v.opportunityId = r.opportunityId();
        v.ownerId = customer.ownerId;
        v.ownerTeam = customer.ownerTeam;
        v.method = r.method();
        v.occurredAt = r.occurredAt();
        v.loggedAt = now;
        v.keyPersonIds = r.keyPersonIds() == null ? List.of() : r.keyPersonIds().stream().distinct().toList();
        v.purpose = r.purpose();
        v.purposeAchieved = r.purposeAchieved();
        v.durationMinutes = r.durationMinutes();
        v.summary = r.summary().strip();
        v.customerFeedback = r.customerFeedback();
        v.needs = r.needs();
        v.sentiment = r.sentiment();
        v.competitorInfo = r.competitorInfo();
        if (r.location() != null) {
            v.locationLat = r.location().lat();
            v.locationLon = r.location().lon();
            v.locationAccuracy = r.location().accuracyMeters();
            v.locationAddress = r.location().address();
        }
        if (r.nextAction() != null) {
            v.nextAction = r.nextAction().action().strip();
            v.nextActionDueOn = r.nextAction().dueOn();
        }
        v.recomputeEffective();
        v.lateEntry = Duration.between(r.occurredAt(), now).compareTo(Duration.ofHours(config.lateEntryHours())) > 0;
        v.stampCreated(now);
        return v;
    }

    /**
     * Corrects a visit: each changed field's earlier text is kept as a correction, effective is
     * recomputed and VisitCorrected goes out. A patch that changes nothing changes nothing.
     */
    @WithTransaction
    public Uni<Visit> correct(UUID id, MergePatch<VisitPatch> patch, long expectedVersion, Caller caller) {
        return visits.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("visit", id))
                .chain(visit -> {
                    IfMatch.check(expectedVersion, visit.version);
                    Instant now = clock.instant();
                    List<VisitCorrection> changes = applyPatch(visit, patch, caller.id(), now);
                    if (changes.isEmpty()) {
                        return Uni.createFrom().item(visit);
                    }
                    visit.recomputeEffective();
                    visit.updatedAt = now;
                    return Panache.flush()
                            .chain(() -> persistCorrections(changes, visit.version))
                            .chain(() -> outbox.append(VisitEvents.corrected(visit,
                                    changes.stream().map(c -> c.field).toList(), caller.id())))
                            .replaceWith(visit);
                });
    }

    private Uni<Void> persistCorrections(List<VisitCorrection> changes, long version) {
        changes.forEach(c -> c.visitVersion = version);
        return corrections.persist(changes).replaceWithVoid();
    }

    private static List<VisitCorrection> applyPatch(Visit visit, MergePatch<VisitPatch> patch, String by, Instant now) {
        return patch.changes()
                .set("summary", p -> p.summary().strip(), visit.summary, v -> visit.summary = v)
                .set("customerFeedback", VisitPatch::customerFeedback, visit.customerFeedback,
                        v -> visit.customerFeedback = v)
                .set("needs", VisitPatch::needs, visit.needs, v -> visit.needs = v)
                .set("sentiment", VisitPatch::sentiment, visit.sentiment, v -> visit.sentiment = v)
                .set("purposeAchieved", VisitPatch::purposeAchieved, visit.purposeAchieved,
                        v -> visit.purposeAchieved = v)
                .list().stream()
                .map(change -> correction(visit, change.field(), Objects.toString(change.from(), null),
                        Objects.toString(change.to(), null), by, now))
                .toList();
    }

    private static VisitCorrection correction(Visit visit, String field, String from, String to, String by,
                                              Instant now) {
        VisitCorrection c = new VisitCorrection();
        c.id = UUID.randomUUID();
        c.visitId = visit.id;
        c.changedAt = now;
        c.changedBy = by;
        c.field = field;
        c.fromValue = from;
        c.toValue = to;
        return c;
    }

    @WithSession
    public Uni<Visit> find(UUID id, Caller caller) {
        return visits.findVisible(id, caller);
    }

    @WithSession
    public Uni<Page<VisitView>> list(VisitFilter filter, PageRequest page, Caller caller) {
        return visits.list(filter, page, caller)
                .map(rows -> Page.of(rows, page, VisitRepository::cursorOf, VisitView::of));
    }

    /** A visible visit's corrections, oldest first; 404 when the visit is not visible. */
    @WithSession
    public Uni<Page<VisitCorrectionView>> history(UUID id, PageRequest page, Caller caller) {
        return visits.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("visit", id))
                .chain(visit -> corrections.history(id, page))
                .map(rows -> Page.of(rows, page, VisitCorrectionRepository::cursorOf, VisitCorrectionView::of));
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
