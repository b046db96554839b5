package org.salescrm.visit.customers;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CustomerReplicaRepository implements PanacheRepositoryBase<CustomerReplica, UUID> {
}
