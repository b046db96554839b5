package org.salescrm.customer.contract;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Money received (回款) against one instalment; never changed once recorded. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    public UUID id;

    public UUID contractId;

    public UUID instalmentId;

    public LocalDate receivedOn;

    public BigDecimal amount;

    public String recordedBy;

    public Instant createdAt;
}
