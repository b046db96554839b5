package org.salescrm.customer.quote;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A price given on an opportunity (报价). Never changed once given: a new price is a new quote, so
 * {@code version} is its number among the opportunity's quotes (1, 2, …) and also the resource version.
 */
@Entity
@Table(name = "quote")
public class Quote {

    @Id
    public UUID id;

    public UUID opportunityId;

    public UUID customerId;

    public long version;

    public BigDecimal total;

    public String currency;

    /** The customer took this version: it sets the deal's amount. */
    public boolean accepted;

    public String issuedBy;

    public Instant createdAt;
}
