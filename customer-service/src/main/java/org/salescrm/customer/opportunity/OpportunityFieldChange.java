package org.salescrm.customer.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One field of an opportunity changed: who, when, from what to what, and the version it made. */
@Entity
@Table(name = "opportunity_field_change")
public class OpportunityFieldChange {

    @Id
    public UUID id;

    @Column(name = "opportunity_id")
    public UUID opportunityId;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public long version;

    static OpportunityFieldChange of(Opportunity o, String field, Object from, Object to, String by, Instant at) {
        OpportunityFieldChange change = new OpportunityFieldChange();
        change.id = UUID.randomUUID();
        change.opportunityId = o.id;
        change.field = field;
        change.oldValue = from == null ? null : from.toString();
        change.newValue = to == null ? null : to.toString();
        change.changedBy = by;
        change.changedAt = at;
        change.version = o.version;
        return change;
    }
}
