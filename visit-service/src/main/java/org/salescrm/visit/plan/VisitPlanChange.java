package org.salescrm.visit.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.visit.UuidListConverter;

/** One write of a daily plan: what it held before and after; a correction of a past day carries its reason. */
@Entity
@Table(name = "visit_plan_change")
public class VisitPlanChange {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "plan_version")
    public long planVersion;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    /** Empty when this write created the plan. */
    @Convert(converter = UuidListConverter.class)
    @Column(name = "from_customer_ids")
    public List<UUID> fromCustomerIds;

    @Convert(converter = UuidListConverter.class)
    @Column(name = "to_customer_ids")
    public List<UUID> toCustomerIds;

    /** A manager's correction of a day already past. */
    public boolean correction;

    public String reason;
}
