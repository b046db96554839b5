package org.salescrm.visit.customers;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class KeyPersonReplicaRepository implements PanacheRepositoryBase<KeyPersonReplica, UUID> {
}
