package org.salescrm.customer.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** A rep sees their own customers and the public pool; a manager their teams'; an admin all. */
    public Uni<Customer> findVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller).or("ownerId is null");
        return find(visibility.where("id = :id and deletedAt is null"), visibility.with("id", id)).firstResult();
    }

    /** Like {@link #findVisible} but a deleted customer too, locked: only restoring one needs to find it. */
    public Uni<Customer> lockVisibleEvenDeleted(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller).or("ownerId is null");
        return find(visibility.where("id = :id"), visibility.with("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The customer, locked until the transaction ends, if the given scope reaches it: owner
     * changes of one customer run one after the other.
     */
    public Uni<Customer> lockVisible(UUID id, Visibility visibility) {
        return find(visibility.where("id = :id and deletedAt is null"), visibility.with("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Locks any live customer by id, whoever owns it: a claim must see a customer it cannot read yet. */
    public Uni<Customer> lock(UUID id) {
        return find("id = ?1 and deletedAt is null", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Every live customer of one rep within the scope, locked until the transaction ends. */
    public Uni<List<Customer>> lockAllOf(String ownerId, Visibility visibility) {
        return find(visibility.where("ownerId = :ownerId and deletedAt is null") + Keyset.OLDEST_FIRST.orderBy("createdAt"),
                visibility.with("ownerId", ownerId)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Customers a rep holds now, however they got them. */
    public Uni<Long> countOwnedBy(String ownerId) {
        return count("ownerId = ?1 and deletedAt is null", ownerId);
    }

    /** Visible customers matching the filter, newest first, from the cursor on. */
    public Uni<List<Customer>> list(CustomerFilter filter, PageRequest page, Caller caller) {
        Visibility visibility = Visibility.of(caller).or("ownerId is null");
        StringBuilder where = new StringBuilder("deletedAt is null");
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        if (filter.q() != null) {
            where.append(" and lower(name) like :q escape '!'");
            params.put("q", "%" + likeEscaped(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.grade() != null) {
            where.append(" and grade = :grade");
            params.put("grade", filter.grade());
        }
        if (filter.ownerId() != null) {
            where.append(" and ownerId = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.pool() != null) {
            where.append(filter.pool() ? " and ownerId is null" : " and ownerId is not null");
        }
        where.append(Keyset.NEWEST_FIRST.andAfter("createdAt", page, params));
        String query = visibility.where(where.toString()) + Keyset.NEWEST_FIRST.orderBy("createdAt");
        return find(query, params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(Customer customer) {
        return new Cursor(customer.createdAt.toString(), customer.id);
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The live customer that a new one would duplicate, whoever owns it. */
    public Uni<Customer> findDuplicateOf(String normalizedName, String creditCode, String phone) {
        return find("deletedAt is null and (normalizedName = ?1 or creditCode = ?2 or phone = ?3)",
                normalizedName, creditCode, phone).firstResult();
    }

    /** The live customer, other than {@code self}, that an edited one would duplicate. */
    public Uni<Customer> findDuplicateOf(String normalizedName, String creditCode, String phone, UUID self) {
        return find("deletedAt is null and id <> ?4 and (normalizedName = ?1 or creditCode = ?2 or phone = ?3)",
                normalizedName, creditCode, phone, self).firstResult();
    }
}
