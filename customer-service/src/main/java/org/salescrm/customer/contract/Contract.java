package org.salescrm.customer.contract;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;

/**
 * The contract (合同) of a won deal, one per deal. Its owner is the rep who won the deal, as a won deal
 * keeps its owner; each payment recorded against it makes a new version.
 */
@Entity
@Table(name = "contract")
public class Contract extends AuditedEntity {

    @Id
    public UUID id;

    public UUID opportunityId;

    public UUID customerId;

    public String number;

    public LocalDate signedOn;

    public BigDecimal amount;

    public String currency;

    public String terms;

    public String ownerId;

    public String ownerTeam;

    public String createdBy;
}
