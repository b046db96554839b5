package org.salescrm.visit.plan;

import jakarta.persistence.Column;
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

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    public LocalDate day;

    @Convert(converter = UuidListConverter.class)
    @Column(name = "customer_ids")
    public List<UUID> customerIds;

    @Version
    public Long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
