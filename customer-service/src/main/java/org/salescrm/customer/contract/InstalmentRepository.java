package org.salescrm.customer.contract;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InstalmentRepository implements PanacheRepositoryBase<Instalment, UUID> {

    Uni<List<Instalment>> planOf(UUID contractId) {
        return list("contractId = ?1 order by instalmentNo", contractId);
    }
}
