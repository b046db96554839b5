package org.salescrm.visit.plan;

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

    public UUID planId;

    public long planVersion;

    public Instant changedAt;

    public String changedBy;

    /** Empty when this write created the plan. */
    @Convert(converter = UuidListConverter.class)
    public List<UUID> fromCustomerIds;

    @Convert(converter = UuidListConverter.class)
    public List<UUID> toCustomerIds;

    /** A manager's correction of a day already past. */
    public boolean correction;

    public String reason;
}
