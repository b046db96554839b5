package org.salescrm.customer.keyperson;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.customer.customer.Customer;
import org.salescrm.customer.customer.CustomerRepository;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.database.AdvisoryLocks;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.patch.FieldChange;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/**
 * Key persons of a customer. Who may see or change them follows the customer: its owner, the
 * owner's managers, admins; a customer in the public pool shows its key persons to admins only.
 */
@ApplicationScoped
public class KeyPersonService {

    static final String RESOURCE = "key person";

    /** A key person with the customer it belongs to, whose owner the view and events carry. */
    public record Scoped(KeyPerson keyPerson, Customer customer) {
    }

    private final KeyPersonRepository keyPersons;
    private final CustomerRepository customers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;
    private final ZoneId zone;

    public KeyPersonService(KeyPersonRepository keyPersons, CustomerRepository customers, Outbox outbox,
                            IdempotencyKeys idempotencyKeys, Clock clock,
                            @ConfigProperty(name = "crm.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.keyPersons = keyPersons;
        this.customers = customers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
        this.zone = zone;
    }

    /** Records a key person; a retry with the first request's idempotency key gets the one it recorded. */
    @WithTransaction
    public Uni<Created<Scoped>> add(UUID customerId, KeyPersonRequest request, Caller caller, String idempotencyKey) {
        return customer(customerId, caller).chain(customer -> checkReportsTo(customerId, null, request.reportsToId())
                .chain(() -> {
                    KeyPerson k = newKeyPerson(customer, request, caller);
                    if (idempotencyKey == null) {
                        return insert(k, customer).map(Created::fresh);
                    }
                    return idempotencyKeys.claim(caller.id(), idempotencyKey, RESOURCE, k.id)
                            .chain(first -> first.equals(k.id)
                                    ? insert(k, customer).map(Created::fresh)
                                    : scoped(first, caller).map(Created::replay));
                }));
    }

    private Uni<Scoped> insert(KeyPerson k, Customer customer) {
        return keyPersons.persistAndFlush(k)
                .call(saved -> outbox.append(KeyPersonEvents.added(saved, customer)))
                .map(saved -> new Scoped(saved, customer));
    }

    @WithSession
    public Uni<Page<KeyPersonView>> list(UUID customerId, PageRequest page, Caller caller) {
        return customer(customerId, caller).chain(customer -> keyPersons.page(customerId, page)
                .map(rows -> Page.of(rows, page, KeyPersonRepository::cursorOf,
                        k -> KeyPersonView.of(new Scoped(k, customer)))));
    }

    @WithSession
    public Uni<Scoped> find(UUID id, Caller caller) {
        return scoped(id, caller);
    }

    /** Edits the details; a new reporting line must stay inside the customer and must not loop. */
    @WithTransaction
    public Uni<Scoped> patch(UUID id, long expectedVersion, MergePatch<KeyPersonPatch> patch, Caller caller) {
        return scoped(id, caller).chain(scoped -> {
            KeyPerson k = scoped.keyPerson();
            IfMatch.check(expectedVersion, k.version);
            return checkReportsTo(k.customerId, k.id, patch.values().reportsToId()).chain(() -> {
                List<String> changed = apply(k, patch);
                if (changed.isEmpty()) {
                    return Uni.createFrom().item(scoped);
                }
                Instant now = clock.instant();
                k.updatedAt = now;
                return keyPersons.flush()
                        .chain(() -> outbox.append(KeyPersonEvents.updated(k, scoped.customer(), changed, now)))
                        .replaceWith(scoped);
            });
        });
    }

    private static List<String> apply(KeyPerson k, MergePatch<KeyPersonPatch> patch) {
        return patch.changes()
                .set("name", p -> p.name().strip(), k.name, v -> k.name = v)
                .set("title", KeyPersonPatch::title, k.title, v -> k.title = v)
                .set("department", KeyPersonPatch::department, k.department, v -> k.department = v)
                .set("phone", KeyPersonPatch::phone, k.phone, v -> k.phone = v)
                .set("email", KeyPersonPatch::email, k.email, v -> k.email = v)
                .set("kpType", KeyPersonPatch::kpType, k.kpType, v -> k.kpType = v)
                .set("buyingRole", KeyPersonPatch::buyingRole, k.buyingRole, v -> k.buyingRole = v)
                .set("attitude", KeyPersonPatch::attitude, k.attitude, v -> k.attitude = v)
                .set("reportsToId", KeyPersonPatch::reportsToId, k.reportsToId, v -> k.reportsToId = v)
                .list().stream().map(FieldChange::field).toList();
    }

    /**
     * Marks the key person as gone. The customer's key is locked first (the outbox takes the same
     * lock), so when the last two decision makers leave at once, the second sees the first gone
     * and DecisionMakerLost goes out exactly once.
     */
    @WithTransaction
    public Uni<Scoped> left(UUID id, LeftRequest request, Caller caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate leftOn = request.leftOn() == null ? today : request.leftOn();
        if (leftOn.isAfter(today)) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("leftOn", "PastOrPresent", "must not be in the future")),
                    "validation", "leftOn");
        }
        Instant occurredAt = leftOn.equals(today) ? now : leftOn.atStartOfDay(zone).toInstant();
        return scoped(id, caller)
                .call(scoped -> lockCustomer(scoped.customer().id))
                .call(scoped -> Panache.getSession().chain(s -> s.refresh(scoped.keyPerson())))
                .chain(scoped -> markLeft(scoped, leftOn, occurredAt, now));
    }

    private Uni<Scoped> markLeft(Scoped scoped, LocalDate leftOn, Instant occurredAt, Instant now) {
        KeyPerson k = scoped.keyPerson();
        Customer customer = scoped.customer();
        if (!k.active) {
            throw Problems.conflict("key-person-left", "key-person-left", k.name, k.leftOn);
        }
        k.active = false;
        k.leftOn = leftOn;
        k.updatedAt = now;
        return keyPersons.flush()
                .chain(() -> keyPersons.countActiveDecisionMakers(k.customerId))
                .call(remaining -> outbox.append(KeyPersonEvents.left(k, customer, remaining, occurredAt)))
                .call(remaining -> k.isDecisionMaker() && remaining == 0
                        ? outbox.append(KeyPersonEvents.decisionMakerLost(k, customer, occurredAt))
                        : Uni.createFrom().voidItem())
                .replaceWith(scoped);
    }

    /**
     * Soft-deletes a key person, for whoever may change it (who sees the customer's owner): it then
     * answers 404, leaves the customer's list and counts for no gate or playbook item. Deleting is
     * not leaving: no DecisionMakerLost goes out (a record entered by mistake is not a lost contact).
     */
    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return scoped(id, caller).chain(scoped -> {
            KeyPerson k = scoped.keyPerson();
            Instant now = clock.instant();
            k.deletedAt = now;
            k.updatedAt = now;
            return keyPersons.flush()
                    .chain(() -> outbox.append(KeyPersonEvents.deleted(k, scoped.customer(), caller.id())));
        });
    }

    /** Undoes a soft delete; one that is not deleted answers as it is. A deleted customer's key persons stay missing. */
    @WithTransaction
    public Uni<Scoped> restore(UUID id, Caller caller) {
        return scopedEvenDeleted(id, caller).chain(scoped -> {
            KeyPerson k = scoped.keyPerson();
            if (k.deletedAt == null) {
                return Uni.createFrom().item(scoped);
            }
            k.deletedAt = null;
            k.updatedAt = clock.instant();
            return keyPersons.flush()
                    .chain(() -> outbox.append(KeyPersonEvents.restored(k, scoped.customer(), caller.id())))
                    .replaceWith(scoped);
        });
    }

    private static Uni<Void> lockCustomer(UUID customerId) {
        return AdvisoryLocks.holdUntilCommit(customerId.toString());
    }

    /** A customer the caller may see and that has an owner (or any, for an admin); 404 otherwise. */
    private Uni<Customer> customer(UUID customerId, Caller caller) {
        return customers.findVisible(customerId, caller)
                .map(c -> c != null && caller.canSee(c.ownerId, c.ownerTeam) ? c : null)
                .onItem().ifNull().failWith(() -> Problems.notFound("customer", customerId));
    }

    private Uni<Scoped> scoped(UUID id, Caller caller) {
        return scopedEvenDeleted(id, caller)
                .map(scoped -> scoped.keyPerson().deletedAt == null ? scoped : null)
                .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, id));
    }

    /** The key person, deleted or not, of a live customer whose owner the caller sees; 404 otherwise. */
    private Uni<Scoped> scopedEvenDeleted(UUID id, Caller caller) {
        return keyPersons.findById(id)
                .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, id))
                .chain(k -> customers.findVisible(k.customerId, caller)
                        .map(c -> c != null && caller.canSee(c.ownerId, c.ownerTeam) ? new Scoped(k, c) : null))
                .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, id));
    }

    /** The manager a key person reports to works at the same customer, and the line never comes back to them. */
    private Uni<Void> checkReportsTo(UUID customerId, UUID keyPersonId, UUID reportsToId) {
        if (reportsToId == null) {
            return Uni.createFrom().voidItem();
        }
        return keyPersons.allOf(customerId).map(all -> {
            Map<UUID, UUID> lines = new HashMap<>();
            all.forEach(k -> lines.put(k.id, k.reportsToId));
            if (!lines.containsKey(reportsToId)) {
                throw invalidReportsTo("sameCustomer", "must be a key person of the same customer");
            }
            Set<UUID> seen = new HashSet<>();
            for (UUID up = reportsToId; up != null && seen.add(up); up = lines.get(up)) {
                if (up.equals(keyPersonId)) {
                    throw invalidReportsTo("noCycle", "must not make the reporting line loop back to this person");
                }
            }
            return null;
        });
    }

    private static RuntimeException invalidReportsTo(String rule, String message) {
        return Problems.ruleViolated("validation", List.of(new FieldViolation("reportsToId", rule, message)),
                "validation", "reportsToId");
    }

    private KeyPerson newKeyPerson(Customer customer, KeyPersonRequest request, Caller caller) {
        Instant now = clock.instant();
        KeyPerson k = new KeyPerson();
        k.id = UUID.randomUUID();
        k.customerId = customer.id;
        k.name = request.name().strip();
        k.title = request.title();
        k.department = request.department();
        k.phone = request.phone();
        k.email = request.email();
        k.kpType = request.kpType();
        k.buyingRole = request.buyingRole();
        k.attitude = request.attitude();
        k.reportsToId = request.reportsToId();
        k.active = true;
        k.createdBy = caller.id();
        k.stampCreated(now);
        return k;
    }
}
