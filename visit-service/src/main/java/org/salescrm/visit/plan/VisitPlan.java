package org.salescrm.visit.plan;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.visit.UuidListConverter;

/** The customers a rep plans to visit on one business day. */
@Entity
@Table(name = "visit_plan")
public class VisitPlan {

    @Id
    public UUID id;

    public String ownerId;

    public String ownerTeam;

    public LocalDate day;

    @Convert(converter = UuidListConverter.class)
    public List<UUID> customerIds;

    @Version
    public Long version;

    public Instant createdAt;

    public Instant updatedAt;
}
