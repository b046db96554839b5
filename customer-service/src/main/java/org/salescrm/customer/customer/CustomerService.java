package org.salescrm.customer.customer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.customer.history.CustomerChange;
import org.salescrm.customer.history.CustomerHistory;
import org.salescrm.customer.history.CustomerHistoryView;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.patch.FieldChange;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerHistory history;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, CustomerHistory history, Outbox outbox,
                           IdempotencyKeys idempotencyKeys, Clock clock) {
        this.customers = customers;
        this.history = history;
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
        return createFor(request, caller.id(), caller.team(), caller, idempotencyKey);
    }

    /**
     * Creates a customer owned by {@code ownerId} of {@code ownerTeam}, who gets the credit for it
     * as a new customer; {@code caller} is recorded as who created it. The caller decides whether
     * it may create for that owner.
     */
    public Uni<Created<Customer>> createFor(CustomerRequest request, String ownerId, String ownerTeam, Caller caller,
                                            String idempotencyKey) {
        Customer customer = newCustomer(request, ownerId, ownerTeam, caller);
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
                .call(saved -> history.created(saved.id, saved.createdAt, saved.createdBy, saved.ownerId,
                        saved.ownerTeam))
                .call(saved -> outbox.append(CustomerEvents.created(saved)));
    }

    /**
     * Applies a PATCH: the caller must be able to change the customer (a rep their own, a manager
     * their teams' and the pool, an admin any), the {@code If-Match} version must be current, and a
     * changed name, phone or credit code must not make it a duplicate of another customer (the
     * unique indexes hold that against a concurrent write too). Each changed field goes to the
     * history; one CustomerUpdated says which fields changed. Nothing changed, nothing written.
     */
    public Uni<Customer> update(UUID id, long expectedVersion, MergePatch<CustomerPatch> patch, Caller caller) {
        return Panache.withTransaction(() -> customers.findVisible(id, caller)
                        .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                        .invoke(c -> mayChange(c, caller))
                        .invoke(c -> IfMatch.check(expectedVersion, c.version))
                        .chain(c -> apply(c, patch, caller)))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(failure -> Panache.withSession(() -> customers.findById(id)
                        .chain(current -> duplicateAfterPatch(current, patch))));
    }

    /**
     * Soft-deletes a customer: from then on it, its key persons and its opportunities answer as
     * missing everywhere (reads, lists, the pool, references in a request body) until restored.
     * Whoever may change it may delete it: the owning rep, the owner's managers, admins; a pool
     * customer managers and admins only.
     */
    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return customers.lockVisibleEvenDeleted(id, caller)
                .map(c -> c == null || c.deletedAt != null ? null : c)
                .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                .invoke(c -> mayChange(c, caller))
                .chain(c -> {
                    Instant now = clock.instant();
                    c.deletedAt = now;
                    c.updatedAt = now;
                    return customers.flush()
                            .chain(() -> history.deletion(c.id, now, caller.id(), CustomerChange.DELETED))
                            .chain(() -> outbox.append(CustomerEvents.deleted(c, caller.id())));
                });
    }

    /**
     * Undoes a soft delete, for the same people who may delete it; the key persons and
     * opportunities that were not deleted on their own come back with it. A customer that is not
     * deleted answers 200 as it is (nothing written). A live customer that took its name, phone or
     * credit code meanwhile makes the restore a 409 {@code duplicate-customer}.
     */
    public Uni<Customer> restore(UUID id, Caller caller) {
        return Panache.withTransaction(() -> customers.lockVisibleEvenDeleted(id, caller)
                        .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                        .invoke(c -> mayChange(c, caller))
                        .chain(c -> c.deletedAt == null ? Uni.createFrom().item(c) : undelete(c, caller)))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(() -> Panache.withSession(() -> customers.findById(id).chain(this::duplicateOf)));
    }

    private Uni<Customer> undelete(Customer c, Caller caller) {
        Instant now = clock.instant();
        return customers.findDuplicateOf(c.normalizedName, c.creditCode, c.phone, c.id)
                .onItem().ifNotNull().transformToUni(CustomerService::<Customer>duplicate)
                .chain(() -> {
                    c.deletedAt = null;
                    c.updatedAt = now;
                    return customers.flush();
                })
                .chain(() -> history.deletion(c.id, now, caller.id(), CustomerChange.RESTORED))
                .chain(() -> outbox.append(CustomerEvents.restored(c, caller.id())))
                .replaceWith(c);
    }

    private static void mayChange(Customer customer, Caller caller) {
        if (customer.inPool() && !caller.isManager() && !caller.isAdmin()) {
            throw Problems.forbidden("pool-customer-read-only");
        }
    }

    private Uni<Customer> apply(Customer c, MergePatch<CustomerPatch> patch, Caller caller) {
        List<FieldChange> changes = CustomerFields.changes(c, patch);
        if (changes.isEmpty()) {
            return Uni.createFrom().item(c);
        }
        String previousGrade = c.grade;
        Instant now = clock.instant();
        return rejectDuplicate(c, changes)
                .invoke(() -> {
                    changes.forEach(change -> CustomerFields.set(c, change));
                    c.updatedAt = now;
                })
                .chain(() -> customers.flush())
                .chain(() -> recordChanges(c, changes, now, caller))
                .chain(() -> outbox.append(CustomerEvents.updated(c, changes, previousGrade, caller.id())))
                .replaceWith(c);
    }

    /** One history entry per field, written one after the other: a session runs one statement at a time. */
    private Uni<Void> recordChanges(Customer c, List<FieldChange> changes, Instant at, Caller caller) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (FieldChange change : changes) {
            written = written.chain(() -> history.fieldChanged(c.id, at, caller.id(), change.field(), change.from(),
                    change.to()));
        }
        return written;
    }

    private Uni<Void> rejectDuplicate(Customer c, List<FieldChange> changes) {
        boolean identityChanged = changes.stream().map(FieldChange::field)
                .anyMatch(f -> f.equals("name") || f.equals("phone") || f.equals("creditCode"));
        if (!identityChanged) {
            return Uni.createFrom().voidItem();
        }
        Customer after = CustomerFields.preview(c, changes);
        return customers.findDuplicateOf(after.normalizedName, after.creditCode, after.phone, c.id)
                .onItem().ifNotNull().transformToUni(CustomerService::<Void>duplicate)
                .replaceWithVoid();
    }

    /** After a unique index refused the patch: the customer the patched one would have duplicated. */
    private Uni<Customer> duplicateAfterPatch(Customer current, MergePatch<CustomerPatch> patch) {
        Customer after = CustomerFields.preview(current, CustomerFields.changes(current, patch));
        return customers.findDuplicateOf(after.normalizedName, after.creditCode, after.phone, current.id)
                .onItem().ifNotNull().transformToUni(CustomerService::<Customer>duplicate)
                .onItem().ifNull().failWith(() -> Problems.conflict("conflict", "conflict"));
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

    /** Whoever may read the customer may read its history; anyone else gets the same 404 as for the customer. */
    @WithSession
    public Uni<Page<CustomerHistoryView>> historyPage(UUID id, PageRequest page, Caller caller) {
        return customers.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                .chain(customer -> history.page(id, page));
    }

    @WithSession
    public Uni<Page<CustomerView>> list(CustomerFilter filter, PageRequest page, Caller caller) {
        return customers.list(filter, page, caller)
                .map(rows -> Page.of(rows, page, CustomerRepository::cursorOf, CustomerView::of));
    }

    private Customer newCustomer(CustomerRequest request, String ownerId, String ownerTeam, Caller caller) {
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
        c.ownerId = ownerId;
        c.ownerTeam = ownerTeam;
        c.createdBy = caller.id();
        c.ownerSince = now;
        c.stampCreated(now);
        return c;
    }

    private static <T> Uni<T> duplicate(Customer existing) {
        ProblemException conflict = Problems.conflict("duplicate-customer", "duplicate-customer", existing.name)
                .with("existingCustomerId", existing.id);
        return Uni.createFrom().failure(conflict);
    }
}
