package org.salescrm.customer.keyperson;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.PageRequest;

@ApplicationScoped
public class KeyPersonRepository implements PanacheRepositoryBase<KeyPerson, UUID> {

    /** The funnel's ACKNOWLEDGED gate and the decision-maker-lost rule both count these. */
    public Uni<Long> countActiveDecisionMakers(UUID customerId) {
        return count("customerId = ?1 and active = true and kpType = ?2 and deletedAt is null", customerId,
                KeyPerson.DECISION_MAKER);
    }

    /** The playbook's coach item counts these. */
    public Uni<Long> countActiveCoaches(UUID customerId) {
        return count("customerId = ?1 and active = true and buyingRole = 'COACH' and deletedAt is null", customerId);
    }

    /** The customer's key persons that are not deleted. */
    public Uni<List<KeyPerson>> allOf(UUID customerId) {
        return list("customerId = ?1 and deletedAt is null", customerId);
    }

    /** Oldest first, from the cursor on. */
    public Uni<List<KeyPerson>> page(UUID customerId, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("customerId", customerId));
        String where = "customerId = :customerId and deletedAt is null"
                + Keyset.OLDEST_FIRST.andAfter("createdAt", page, params);
        return find(where + Keyset.OLDEST_FIRST.orderBy("createdAt"), params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(KeyPerson k) {
        return new Cursor(k.createdAt.toString(), k.id);
    }
}
