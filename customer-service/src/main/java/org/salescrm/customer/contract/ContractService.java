package org.salescrm.customer.contract;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.customer.opportunity.Opportunity;
import org.salescrm.customer.opportunity.OpportunityQuotes;
import org.salescrm.customer.opportunity.OpportunityStatus;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/** The contract of a won deal with its payment plan, and the payments recorded against it. */
@ApplicationScoped
public class ContractService {

    static final String CONTRACT = "contract";
    static final String PAYMENT = "payment";

    private final ContractRepository contracts;
    private final InstalmentRepository instalments;
    private final PaymentRepository payments;
    private final OpportunityQuotes opportunities;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;
    private final ZoneId zone;

    public ContractService(ContractRepository contracts, InstalmentRepository instalments, PaymentRepository payments,
                           OpportunityQuotes opportunities, Outbox outbox, IdempotencyKeys idempotencyKeys,
                           Clock clock,
                           @ConfigProperty(name = "crm.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.contracts = contracts;
        this.instalments = instalments;
        this.payments = payments;
        this.opportunities = opportunities;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records the contract of a won deal the caller may see: 409 when the deal is not won or already has
     * its contract. The key is claimed before those checks, so a retry of a create that worked gets the
     * first contract rather than a 409.
     */
    @WithTransaction
    public Uni<Created<ContractView>> sign(UUID opportunityId, ContractRequest request, Caller caller,
                                           String idempotencyKey) {
        LocalDate today = today();
        checkPlan(request, today);
        return opportunities.lockVisible(opportunityId, caller).chain(o -> {
            Contract c = newContract(o, request, caller);
            return claimed(caller, idempotencyKey, CONTRACT, c.id).chain(first -> first.equals(c.id)
                    ? insert(o, c, request).map(plan -> Created.fresh(ContractView.of(c, plan, today)))
                    : contractView(first, caller).map(Created::replay));
        });
    }

    private Uni<List<Instalment>> insert(Opportunity o, Contract c, ContractRequest request) {
        if (o.status != OpportunityStatus.WON) {
            throw Problems.conflict("opportunity-not-won", "opportunity-not-won", o.status.name());
        }
        return contracts.ofOpportunity(o.id).chain(existing -> {
            if (existing != null) {
                throw Problems.conflict("contract-exists", "contract-exists").with("existingContractId", existing.id);
            }
            return contracts.numberTaken(c.number);
        }).chain(taken -> {
            if (taken) {
                throw Problems.conflict("duplicate-contract-number", "duplicate-contract-number", c.number);
            }
            List<Instalment> plan = planOf(c, request);
            return contracts.persistAndFlush(c)
                    .call(() -> instalments.persist(plan))
                    .call(() -> outbox.append(ContractEvents.signed(c, plan, zone)))
                    .replaceWith(plan);
        });
    }

    /** Signed no later than today; instalments due no earlier than the signing, adding up to the amount. */
    private static void checkPlan(ContractRequest request, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.signedOn().isAfter(today)) {
            violations.add(new FieldViolation("signedOn", "PastOrPresent", "must not be in the future"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < request.instalments().size(); i++) {
            ContractRequest.InstalmentRequest instalment = request.instalments().get(i);
            sum = sum.add(instalment.amount());
            if (instalment.dueOn().isBefore(request.signedOn())) {
                violations.add(new FieldViolation("instalments[" + i + "].dueOn", "notBeforeSignedOn",
                        "must not be before signedOn"));
            }
        }
        if (sum.compareTo(request.amount()) != 0) {
            violations.add(new FieldViolation("instalments", "sumEqualsAmount",
                    "must add up to the amount " + request.amount().toPlainString() + ", not " + sum.toPlainString()));
        }
        throwIfAny(violations);
    }

    @WithSession
    public Uni<ContractView> find(UUID id, Caller caller) {
        return contractView(id, caller);
    }

    /**
     * Records money received against one instalment of a contract the caller may see. Partial payments
     * are fine; more than the instalment's outstanding amount, a day in the future or before the signing
     * are 422. The contract's row is locked, so two payments never overpay one instalment together.
     */
    @WithTransaction
    public Uni<Created<PaymentView>> pay(UUID contractId, PaymentRequest request, Caller caller,
                                         String idempotencyKey) {
        LocalDate today = today();
        return contracts.lockVisible(contractId, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound(CONTRACT, contractId))
                .chain(c -> {
                    Payment p = newPayment(c, request, caller);
                    return claimed(caller, idempotencyKey, PAYMENT, p.id).chain(first -> first.equals(p.id)
                            ? record(c, p, today).map(Created::fresh)
                            : paymentView(first, caller).map(Created::replay));
                });
    }

    private Uni<PaymentView> record(Contract c, Payment p, LocalDate today) {
        return instalments.planOf(c.id).chain(plan -> {
            Instalment paid = plan.stream().filter(i -> i.id.equals(p.instalmentId)).findFirst().orElse(null);
            checkPayment(c, p, paid, today);
            paid.collected = paid.collected.add(p.amount);
            // A later instant always, so the contract is dirty and the flush makes a new version.
            c.updatedAt = p.createdAt.isAfter(c.updatedAt) ? p.createdAt : c.updatedAt.plusNanos(1_000);
            // The flush bumps the contract's version, which the event carries.
            return payments.persist(p)
                    .call(() -> contracts.flush())
                    .call(() -> outbox.append(ContractEvents.received(c, p, paid, plan, zone)))
                    .map(saved -> PaymentView.of(p, c, plan, today));
        });
    }

    private static void checkPayment(Contract c, Payment p, Instalment paid, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (p.receivedOn.isAfter(today)) {
            violations.add(new FieldViolation("receivedOn", "PastOrPresent", "must not be in the future"));
        } else if (p.receivedOn.isBefore(c.signedOn)) {
            violations.add(new FieldViolation("receivedOn", "notBeforeSignedOn",
                    "must not be before the contract was signed (" + c.signedOn + ")"));
        }
        if (paid == null) {
            violations.add(new FieldViolation("instalmentId", "instalmentOfContract",
                    "must be an instalment of this contract"));
        } else if (p.amount.compareTo(paid.outstanding()) > 0) {
            violations.add(new FieldViolation("amount", "notMoreThanOutstanding",
                    "must not exceed the instalment's outstanding " + paid.outstanding().toPlainString()));
        }
        throwIfAny(violations);
    }

    @WithSession
    public Uni<PaymentView> findPayment(UUID id, Caller caller) {
        return paymentView(id, caller);
    }

    /** A payment is in reach exactly when its contract is. */
    private Uni<PaymentView> paymentView(UUID id, Caller caller) {
        LocalDate today = today();
        return payments.findById(id)
                .chain(p -> p == null ? Uni.createFrom().<PaymentView>nullItem()
                        : contracts.findVisible(p.contractId, caller).chain(c -> c == null
                                ? Uni.createFrom().<PaymentView>nullItem()
                                : instalments.planOf(c.id).map(plan -> PaymentView.of(p, c, plan, today))))
                .onItem().ifNull().failWith(() -> Problems.notFound(PAYMENT, id));
    }

    private Uni<ContractView> contractView(UUID id, Caller caller) {
        LocalDate today = today();
        return contracts.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound(CONTRACT, id))
                .chain(c -> instalments.planOf(c.id).map(plan -> ContractView.of(c, plan, today)));
    }

    /** The id the create goes on with: the new one, or the one an earlier request with the same key made. */
    private Uni<UUID> claimed(Caller caller, String idempotencyKey, String resource, UUID id) {
        return idempotencyKey == null ? Uni.createFrom().item(id)
                : idempotencyKeys.claim(caller.id(), idempotencyKey, resource, id);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Contract newContract(Opportunity o, ContractRequest request, Caller caller) {
        Instant now = clock.instant();
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.opportunityId = o.id;
        c.customerId = o.customerId;
        c.number = request.number().strip();
        c.signedOn = request.signedOn();
        c.amount = request.amount();
        c.currency = o.currency;
        c.terms = request.terms() == null || request.terms().isBlank() ? null : request.terms().strip();
        c.ownerId = o.ownerId;
        c.ownerTeam = o.ownerTeam;
        c.createdBy = caller.id();
        c.stampCreated(now);
        return c;
    }

    private static List<Instalment> planOf(Contract c, ContractRequest request) {
        List<Instalment> plan = new ArrayList<>();
        for (ContractRequest.InstalmentRequest requested : request.instalments()) {
            Instalment i = new Instalment();
            i.id = UUID.randomUUID();
            i.contractId = c.id;
            i.instalmentNo = plan.size() + 1;
            i.dueOn = requested.dueOn();
            i.amount = requested.amount();
            i.collected = BigDecimal.ZERO;
            plan.add(i);
        }
        return plan;
    }

    private Payment newPayment(Contract c, PaymentRequest request, Caller caller) {
        Payment p = new Payment();
        p.id = UUID.randomUUID();
        p.contractId = c.id;
        p.instalmentId = request.instalmentId();
        p.receivedOn = request.receivedOn();
        p.amount = request.amount();
        p.recordedBy = caller.id();
        p.createdAt = clock.instant();
        return p;
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            String names = violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
            throw Problems.ruleViolated("validation", violations, "validation", names);
        }
    }
}
