package org.salescrm.customer.receivable;

import static io.quarkus.hibernate.reactive.panache.Panache.getSession;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.customer.contract.Contract;
import org.salescrm.customer.contract.Instalment;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/** Reads unpaid instalments with their contracts, within the caller's reach through the contract's owner. */
@ApplicationScoped
public class ReceivablesRepository {

    /** Instalments unpaid and due before {@code today}, with their contracts, oldest due first. */
    Uni<List<Overdue>> overdue(ReceivablesFilter filter, LocalDate today, Caller caller) {
        Visibility visibility = Visibility.of(caller, "c.ownerId", "c.ownerTeam");
        StringBuilder where = new StringBuilder("i.collected < i.amount and i.dueOn < :today");
        Map<String, Object> params = new HashMap<>(visibility.with("today", today));
        if (filter.team() != null) {
            where.append(" and c.ownerTeam = :team");
            params.put("team", filter.team());
        }
        if (filter.ownerId() != null) {
            where.append(" and c.ownerId = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.customerId() != null) {
            where.append(" and c.customerId = :customerId");
            params.put("customerId", filter.customerId());
        }
        String hql = "select i, c from Instalment i join Contract c on c.id = i.contractId where "
                + visibility.where(where.toString()) + " order by i.dueOn, c.number, i.instalmentNo";
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Overdue.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** The names of the given customers, by id. */
    Uni<Map<UUID, String>> customerNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session
                        .createSelectionQuery("select c.id, c.name from Customer c where c.id in :ids", CustomerName.class)
                        .setParameter("ids", ids).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(CustomerName::id, CustomerName::name)));
    }

    /** An unpaid instalment and its contract. */
    record Overdue(Instalment instalment, Contract contract) {
    }

    record CustomerName(UUID id, String name) {
    }
}
