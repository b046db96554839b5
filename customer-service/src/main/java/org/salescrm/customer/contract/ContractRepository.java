package org.salescrm.customer.contract;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, UUID> {

    /** A rep sees the contracts of the deals they won; a manager their teams'; an admin all. */
    Uni<Contract> findVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        return find(visibility.where("id = :id"), visibility.with("id", id)).firstResult();
    }

    /** The same, with the row locked until commit, so payments on one contract are checked one at a time. */
    Uni<Contract> lockVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        return find(visibility.where("id = :id"), visibility.with("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    Uni<Contract> ofOpportunity(UUID opportunityId) {
        return find("opportunityId", opportunityId).firstResult();
    }

    Uni<Boolean> numberTaken(String number) {
        return count("number", number).map(n -> n > 0);
    }
}
