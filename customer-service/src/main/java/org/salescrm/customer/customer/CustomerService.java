package org.salescrm.customer.customer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, Outbox outbox, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /**
     * Creates a customer owned by the caller, unless it already exists. The read finds the usual
     * duplicate; the unique indexes catch the one created by a concurrent request, which then
     * answers the same 409 through {@link #duplicateOf(Customer)}. A retry with the first
     * request's idempotency key gets the customer that request created.
     */
    public Uni<Created<Customer>> create(CustomerRequest request, Caller caller, String idempotencyKey) {
        Customer customer = newCustomer(request, caller);
        return Panache.withTransaction(() -> insertOnce(customer, caller, idempotencyKey))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(() -> Panache.withSession(() -> duplicateOf(customer)));
    }

    private Uni<Created<Customer>> insertOnce(Customer customer, Caller caller, String idempotencyKey) {
        if (idempotencyKey == null) {
            return insert(customer).map(Created::fresh);
        }
        return idempotencyKeys.claim(caller.id(), idempotencyKey, "customer", customer.id)
                .chain(owner -> owner.equals(customer.id)
                        ? insert(customer).map(Created::fresh)
                        : customers.findVisible(owner, caller)
                                .onItem().ifNull().failWith(() -> Problems.notFound("customer", owner))
                                .map(Created::replay));
    }

    private Uni<Customer> insert(Customer customer) {
        return customers.findDuplicateOf(customer.normalizedName, customer.creditCode, customer.phone)
                .onItem().ifNotNull().transformToUni(CustomerService::duplicate)
                .chain(() -> customers.persistAndFlush(customer))
                .call(saved -> outbox.append(CustomerEvents.created(saved)));
    }

    private <T> Uni<T> duplicateOf(Customer customer) {
        return customers.findDuplicateOf(customer.normalizedName, customer.creditCode, customer.phone)
                .onItem().ifNotNull().transformToUni(CustomerService::<T>duplicate)
                .onItem().ifNull().failWith(() -> new IllegalStateException("unique index hit without a duplicate"));
    }

    @WithSession
    public Uni<Customer> find(UUID id, Caller caller) {
        return customers.findVisible(id, caller);
    }

    @WithSession
    public Uni<Page<CustomerView>> list(CustomerFilter filter, PageRequest page, Caller caller) {
        return customers.list(filter, page, caller)
                .map(rows -> Page.of(rows, page, CustomerRepository::cursorOf, CustomerView::of));
    }

    private Customer newCustomer(CustomerRequest request, Caller caller) {
        Instant now = clock.instant();
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.name = request.name().strip();
        c.normalizedName = CustomerNames.normalize(request.name());
        c.industry = request.industry();
        c.region = request.region();
        c.scale = request.scale();
        c.source = request.source();
        c.phone = CustomerNames.normalizePhone(request.phone());
        c.creditCode = CustomerNames.normalizeCreditCode(request.creditCode());
        c.address = request.address();
        c.grade = request.grade() == null ? "C" : request.grade();
        c.ownerId = caller.id();
        c.ownerTeam = caller.team();
        c.createdBy = caller.id();
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    private static <T> Uni<T> duplicate(Customer existing) {
        ProblemException conflict = Problems.conflict("duplicate-customer", "duplicate-customer", existing.name)
                .with("existingCustomerId", existing.id);
        return Uni.createFrom().failure(conflict);
    }
}
