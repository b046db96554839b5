package org.salescrm.customer.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One field of an opportunity changed: who, when, from what to what, and the version it made. */
@Entity
@Table(name = "opportunity_field_change")
public class OpportunityFieldChange {

    @Id
    public UUID id;

    public UUID opportunityId;

    public String field;

    public String oldValue;

    public String newValue;

    public String changedBy;

    public Instant changedAt;

    public long version;

    /** Written by the database, in insert order: the order of the list. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    static OpportunityFieldChange of(Opportunity o, String field, Object from, Object to, String by, Instant at) {
        OpportunityFieldChange change = new OpportunityFieldChange();
        change.id = UUID.randomUUID();
        change.opportunityId = o.id;
        change.field = field;
        change.oldValue = text(from);
        change.newValue = text(to);
        change.changedBy = by;
        change.changedAt = at;
        change.version = o.version;
        return change;
    }

    /** 120000.00 from the database and 120000 from a request read alike. */
    private static String text(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
