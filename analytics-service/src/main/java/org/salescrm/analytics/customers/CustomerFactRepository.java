package org.salescrm.analytics.customers;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CustomerFactRepository implements PanacheRepositoryBase<CustomerFact, UUID> {
}
