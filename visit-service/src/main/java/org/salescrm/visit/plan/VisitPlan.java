package org.salescrm.visit.plan;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;
import org.salescrm.visit.UuidListConverter;

/** The customers a rep plans to visit on one business day. */
@Entity
@Table(name = "visit_plan")
public class VisitPlan extends AuditedEntity {

    @Id
    public UUID id;

    public String ownerId;

    public String ownerTeam;

    public LocalDate day;

    @Convert(converter = UuidListConverter.class)
    public List<UUID> customerIds;
}
