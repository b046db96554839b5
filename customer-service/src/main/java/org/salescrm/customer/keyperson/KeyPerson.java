package org.salescrm.customer.keyperson;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;

/** A person at a customer who matters to the deal; stays on record (inactive) after leaving. */
@Entity
@Table(name = "key_person")
public class KeyPerson extends AuditedEntity {

    public static final String DECISION_MAKER = "DECISION_MAKER";

    @Id
    public UUID id;

    public UUID customerId;

    public String name;
    public String title;
    public String department;
    public String phone;
    public String email;

    public String kpType;

    public String buyingRole;

    public String attitude;

    public UUID reportsToId;

    public boolean active;

    public LocalDate leftOn;

    public String createdBy;

    /** Set while soft-deleted: the key person then answers as a missing one. */
    public Instant deletedAt;

    public boolean isDecisionMaker() {
        return DECISION_MAKER.equals(kpType);
    }
}
