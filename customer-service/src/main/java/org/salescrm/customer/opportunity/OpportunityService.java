package org.salescrm.customer.opportunity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.customer.customer.Customer;
import org.salescrm.customer.customer.CustomerRepository;
import org.salescrm.customer.keyperson.KeyPersonRepository;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.patch.FieldChange;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/** Opportunities through the funnel: open, edit, move, win, lose, and their histories. */
@ApplicationScoped
public class OpportunityService {

    static final String RESOURCE = "opportunity";

    private final OpportunityRepository opportunities;
    private final OpportunityStageChangeRepository stageChanges;
    private final OpportunityFieldChangeRepository fieldChanges;
    private final CustomerRepository customers;
    private final KeyPersonRepository keyPersons;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final FunnelConfig funnel;
    private final StageChecklist checklist;
    private final Clock clock;
    private final ZoneId zone;

    public OpportunityService(OpportunityRepository opportunities, OpportunityStageChangeRepository stageChanges,
                              OpportunityFieldChangeRepository fieldChanges, CustomerRepository customers,
                              KeyPersonRepository keyPersons, Outbox outbox, IdempotencyKeys idempotencyKeys,
                              FunnelConfig funnel, StageChecklist checklist, Clock clock,
                              @ConfigProperty(name = "crm.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.opportunities = opportunities;
        this.stageChanges = stageChanges;
        this.fieldChanges = fieldChanges;
        this.customers = customers;
        this.keyPersons = keyPersons;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.funnel = funnel;
        this.checklist = checklist;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Opens an opportunity in TARGET at a customer the caller can see and that has an owner, who
     * then owns the opportunity too. A retry with the same idempotency key gets the first one.
     */
    @WithTransaction
    public Uni<Created<Opportunity>> open(OpportunityRequest request, Caller caller, String idempotencyKey) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate openedOn = request.openedOn() == null ? today : request.openedOn();
        List<FieldViolation> violations = new ArrayList<>();
        if (openedOn.isAfter(today)) {
            violations.add(new FieldViolation("openedOn", "PastOrPresent", "must not be in the future"));
        }
        if (request.expectedCloseDate().isBefore(openedOn)) {
            violations.add(new FieldViolation("expectedCloseDate", "notBeforeOpenedOn", "must not be before openedOn"));
        }
        throwIfAny(violations);
        return customers.findVisible(request.customerId(), caller).chain(customer -> {
            requireOwned(customer);
            Opportunity o = newOpportunity(request, customer, openedOn, caller, now);
            if (idempotencyKey == null) {
                return insert(o).map(Created::fresh);
            }
            return idempotencyKeys.claim(caller.id(), idempotencyKey, RESOURCE, o.id)
                    .chain(first -> first.equals(o.id)
                            ? insert(o).map(Created::fresh)
                            : opportunities.findVisible(first, caller)
                                    .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, first))
                                    .map(Created::replay));
        });
    }

    private Uni<Opportunity> insert(Opportunity o) {
        OpportunityStageChange opening = OpportunityStageChange.of(o.id, null, o.stage.name(), o.stageEnteredAt,
                o.createdBy, null, o.createdAt);
        return opportunities.persistAndFlush(o)
                .call(() -> stageChanges.persist(opening))
                .call(saved -> outbox.append(OpportunityEvents.opened(saved)));
    }

    @WithSession
    public Uni<Opportunity> find(UUID id, Caller caller) {
        return visible(id, caller);
    }

    @WithSession
    public Uni<Page<OpportunityView>> list(OpportunityFilter filter, PageRequest page, Caller caller) {
        return opportunities.list(filter, page, caller)
                .map(rows -> Page.of(rows, page, OpportunityRepository::cursorOf, OpportunityView::of));
    }

    /** Changes the given business fields of an open opportunity, each recorded in its field history. */
    @WithTransaction
    public Uni<Opportunity> patch(UUID id, long expectedVersion, MergePatch<OpportunityPatch> patch, Caller caller) {
        return visible(id, caller).chain(o -> {
            IfMatch.check(expectedVersion, o.version);
            requireOpen(o);
            validate(o, patch);
            List<FieldChange> diffs = apply(o, patch);
            if (diffs.isEmpty()) {
                return Uni.createFrom().item(o);
            }
            Instant now = clock.instant();
            o.updatedAt = now;
            List<String> fields = diffs.stream().map(FieldChange::field).toList();
            return opportunities.flush()
                    .chain(() -> fieldChanges.persist(diffs.stream()
                            .map(d -> OpportunityFieldChange.of(o, d.field(), d.from(), d.to(), caller.id(), now))
                            .toList()))
                    .chain(() -> outbox.append(OpportunityEvents.updated(o, fields, caller.id(), now)))
                    .replaceWith(o);
        });
    }

    private static List<FieldChange> apply(Opportunity o, MergePatch<OpportunityPatch> patch) {
        return patch.changes()
                .set("name", p -> p.name().strip(), o.name, v -> o.name = v)
                .set("amount", OpportunityPatch::amount, o.amount, v -> o.amount = v)
                .set("expectedCloseDate", OpportunityPatch::expectedCloseDate, o.expectedCloseDate,
                        v -> o.expectedCloseDate = v)
                .set("budget", OpportunityPatch::budget, o.budget, v -> o.budget = v)
                .set("quoteAmount", OpportunityPatch::quoteAmount, o.quoteAmount, v -> o.quoteAmount = v)
                .set("contractSignedOn", OpportunityPatch::contractSignedOn, o.contractSignedOn,
                        v -> o.contractSignedOn = v)
                .set("firstPaymentOn", OpportunityPatch::firstPaymentOn, o.firstPaymentOn, v -> o.firstPaymentOn = v)
                .list();
    }

    private void validate(Opportunity o, MergePatch<OpportunityPatch> merge) {
        OpportunityPatch patch = merge.values();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<FieldViolation> violations = new ArrayList<>(StageEvidence.cleared(o, merge, funnel.gates()));
        if (patch.expectedCloseDate() != null && patch.expectedCloseDate().isBefore(o.openedOn)) {
            violations.add(new FieldViolation("expectedCloseDate", "notBeforeOpenedOn", "must not be before openedOn"));
        }
        if (patch.contractSignedOn() != null && patch.contractSignedOn().isAfter(today)) {
            violations.add(new FieldViolation("contractSignedOn", "PastOrPresent", "must not be in the future"));
        }
        if (patch.firstPaymentOn() != null && patch.firstPaymentOn().isAfter(today)) {
            violations.add(new FieldViolation("firstPaymentOn", "PastOrPresent", "must not be in the future"));
        }
        throwIfAny(violations);
    }

    /**
     * Moves an open opportunity to another stage. Forward needs the evidence of every stage it
     * reaches or passes (all of what is missing is listed at once); back needs a reason. Reaching
     * WON closes it as won and publishes OpportunityWon after the OpportunityStageChanged.
     */
    @WithTransaction
    public Uni<Opportunity> move(UUID id, StageRequest request, Caller caller) {
        return visible(id, caller).chain(o -> {
            requireOpen(o);
            Stage target = Stage.valueOf(request.stage());
            Instant now = clock.instant();
            Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt();
            checkMove(o, target, request.reason(), occurredAt, now);
            if (target.isBefore(o.stage)) {
                return apply(o, target, request.reason(), occurredAt, caller, now);
            }
            Uni<Long> decisionMakers = StageEvidence.needsDecisionMakers(funnel.gates(), target)
                    ? keyPersons.countActiveDecisionMakers(o.customerId) : Uni.createFrom().item(0L);
            return decisionMakers.chain(count -> checklist.missing(o, target).map(gaps -> {
                List<FieldViolation> missing = StageEvidence.missing(o, target, count, funnel.gates(), gaps);
                if (!missing.isEmpty()) {
                    String names = missing.stream().map(FieldViolation::field).collect(Collectors.joining(", "));
                    throw Problems.ruleViolated("stage-evidence-missing", missing, "stage-evidence-missing",
                                    target.name(), names)
                            .with("missingEvidence", missing.stream().map(FieldViolation::field).toList());
                }
                return o;
            })).chain(ready -> apply(ready, target, request.reason(), occurredAt, caller, now));
        });
    }

    private void checkMove(Opportunity o, Stage target, String reason, Instant occurredAt, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (target == o.stage) {
            violations.add(new FieldViolation("stage", "differentFromCurrent", "is already the current stage"));
        }
        if (target.isBefore(o.stage) && (reason == null || reason.isBlank())) {
            violations.add(new FieldViolation("reason", "requiredWhenMovingBack", "is required when moving back"));
        }
        if (occurredAt.isAfter(now)) {
            violations.add(new FieldViolation("occurredAt", "PastOrPresent", "must not be in the future"));
        } else if (occurredAt.isBefore(o.stageEnteredAt)) {
            violations.add(new FieldViolation("occurredAt", "notBeforeLastStageChange",
                    "must not be before the last stage change (" + o.stageEnteredAt + ")"));
        }
        throwIfAny(violations);
    }

    private Uni<Opportunity> apply(Opportunity o, Stage target, String reason, Instant occurredAt, Caller caller,
                                   Instant now) {
        Stage from = o.stage;
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        o.stage = target;
        o.probability = funnel.probability().of(target);
        o.stageEnteredAt = occurredAt;
        o.updatedAt = now;
        if (target == Stage.WON) {
            o.status = OpportunityStatus.WON;
            o.closedAt = occurredAt;
        }
        OpportunityStageChange change = OpportunityStageChange.of(o.id, from.name(), target.name(), occurredAt,
                caller.id(), cleanReason, now);
        Uni<Void> written = opportunities.flush()
                .chain(() -> stageChanges.persist(change))
                .chain(() -> outbox.append(OpportunityEvents.stageChanged(o, from, cleanReason, caller.id())));
        if (target == Stage.WON) {
            written = written.chain(() -> outbox.append(
                    OpportunityEvents.won(o, LocalDate.ofInstant(occurredAt, zone))));
        }
        return written.replaceWith(o);
    }

    /** Closes an open opportunity as lost, in the stage it reached. */
    @WithTransaction
    public Uni<Opportunity> lose(UUID id, LoseRequest request, Caller caller) {
        return visible(id, caller).chain(o -> {
            requireOpen(o);
            Instant now = clock.instant();
            o.status = OpportunityStatus.LOST;
            o.probability = 0;
            o.lostReason = request.reason().strip();
            // Blanks collapsed so the competitors report groups "Oracle  Cloud" with "Oracle Cloud".
            o.lostTo = request.competitor() == null || request.competitor().isBlank() ? null
                    : request.competitor().strip().replaceAll("\\s+", " ");
            o.closedAt = now;
            o.updatedAt = now;
            OpportunityStageChange change = OpportunityStageChange.of(o.id, o.stage.name(),
                    OpportunityStageChange.LOST, now, caller.id(), o.lostReason, now);
            return opportunities.flush()
                    .chain(() -> stageChanges.persist(change))
                    .chain(() -> outbox.append(OpportunityEvents.lost(o, caller.id())))
                    .replaceWith(o);
        });
    }

    /**
     * Soft-deletes an opportunity, open or closed, for whoever may see it (its owner, the owner's
     * managers, admins): from then on it answers 404 and leaves every list and report until restored.
     */
    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return visible(id, caller).chain(o -> {
            Instant now = clock.instant();
            o.deletedAt = now;
            o.updatedAt = now;
            return opportunities.flush().chain(() -> outbox.append(OpportunityEvents.deleted(o, caller.id())));
        });
    }

    /** Undoes a soft delete; one that is not deleted answers as it is. A deleted customer's opportunities stay missing. */
    @WithTransaction
    public Uni<Opportunity> restore(UUID id, Caller caller) {
        return opportunities.findVisibleEvenDeleted(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, id))
                .chain(o -> {
                    if (o.deletedAt == null) {
                        return Uni.createFrom().item(o);
                    }
                    o.deletedAt = null;
                    o.updatedAt = clock.instant();
                    return opportunities.flush()
                            .chain(() -> outbox.append(OpportunityEvents.restored(o, caller.id())))
                            .replaceWith(o);
                });
    }

    @WithSession
    public Uni<StageHistoryPage> history(UUID id, PageRequest page, Caller caller) {
        return visible(id, caller).chain(o -> stageChanges.pathOf(o.id)
                .map(path -> StageHistory.page(o, path, page, clock.instant())));
    }

    @WithSession
    public Uni<Page<FieldChangeView>> changes(UUID id, PageRequest page, Caller caller) {
        return visible(id, caller).chain(o -> fieldChanges.page(o.id, page))
                .map(rows -> Page.of(rows, page, OpportunityFieldChangeRepository::cursorOf, FieldChangeView::of));
    }

    private Uni<Opportunity> visible(UUID id, Caller caller) {
        return opportunities.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, id));
    }

    /** A customer out of reach is named like any other bad field; one in the pool must be claimed first. */
    private static void requireOwned(Customer customer) {
        if (customer == null) {
            throw Problems.ruleViolated("validation", List.of(new FieldViolation("customerId", "visibleCustomer",
                    "must be a customer you can see")), "validation", "customerId");
        }
        if (customer.inPool()) {
            throw Problems.ruleViolated("customer-in-pool", List.of(new FieldViolation("customerId", "ownedCustomer",
                    "the customer is in the public pool; claim it first")), "customer-in-pool");
        }
    }

    /** WON and LOST are final: a closed opportunity neither moves nor changes its business fields. */
    private static void requireOpen(Opportunity o) {
        if (!o.isOpen()) {
            throw Problems.conflict("opportunity-closed", "opportunity-closed", o.status.name());
        }
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            String names = violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
            throw Problems.ruleViolated("validation", violations, "validation", names);
        }
    }

    private Opportunity newOpportunity(OpportunityRequest request, Customer customer, LocalDate openedOn,
                                       Caller caller, Instant now) {
        Opportunity o = new Opportunity();
        o.id = UUID.randomUUID();
        o.customerId = customer.id;
        o.name = request.name().strip();
        o.amount = request.amount();
        o.currency = request.currency() == null ? "CNY" : request.currency();
        o.productLine = request.productLine();
        o.expectedCloseDate = request.expectedCloseDate();
        o.openedOn = openedOn;
        o.stage = Stage.TARGET;
        o.status = OpportunityStatus.OPEN;
        o.probability = funnel.probability().of(Stage.TARGET);
        // Opened today: it entered TARGET now; an imported one entered it at the start of its day.
        o.stageEnteredAt = openedOn.equals(LocalDate.ofInstant(now, zone)) ? now : openedOn.atStartOfDay(zone).toInstant();
        o.ownerId = customer.ownerId;
        o.ownerTeam = customer.ownerTeam;
        o.createdBy = caller.id();
        o.stampCreated(now);
        return o;
    }
}
