package org.salescrm.customer.competitor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A competitor met on one deal, with what the rep knows of it. */
@Entity
@Table(name = "opportunity_competitor")
public class OpportunityCompetitor {

    @Id
    public UUID id;

    public UUID opportunityId;

    public String name;

    /** See {@link CompetitorService#normalize(String)}: one entry per competitor and deal, and the report's key. */
    public String normalizedName;

    public String strengths;

    public String weaknesses;

    /** LOWER, SIMILAR or HIGHER than our price; null when not known. */
    public String pricePosition;

    public String createdBy;

    public Instant createdAt;
}
