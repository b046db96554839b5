package org.salescrm.customer.keyperson;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person at a customer who matters to the deal; stays on record (inactive) after leaving. */
@Entity
@Table(name = "key_person")
public class KeyPerson {

    public static final String DECISION_MAKER = "DECISION_MAKER";

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    public String name;
    public String title;
    public String department;
    public String phone;
    public String email;

    @Column(name = "kp_type")
    public String kpType;

    @Column(name = "buying_role")
    public String buyingRole;

    public String attitude;

    @Column(name = "reports_to_id")
    public UUID reportsToId;

    public boolean active;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public Long version;

    public boolean isDecisionMaker() {
        return DECISION_MAKER.equals(kpType);
    }
}
