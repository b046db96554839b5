package org.salescrm.customer.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** A rep sees their own customers and the public pool; a manager their teams'; an admin all. */
    public Uni<Customer> findVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller).or("ownerId is null");
        return find(visibility.where("id = :id and deletedAt is null"), visibility.with("id", id)).firstResult();
    }

    /** The live customer that a new one would duplicate, whoever owns it. */
    public Uni<Customer> findDuplicateOf(String normalizedName, String creditCode, String phone) {
        return find("deletedAt is null and (normalizedName = ?1 or creditCode = ?2 or phone = ?3)",
                normalizedName, creditCode, phone).firstResult();
    }
}
