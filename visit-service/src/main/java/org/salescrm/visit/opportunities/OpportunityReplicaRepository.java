package org.salescrm.visit.opportunities;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OpportunityReplicaRepository implements PanacheRepositoryBase<OpportunityReplica, UUID> {
}
