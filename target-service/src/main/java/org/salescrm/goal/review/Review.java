package org.salescrm.goal.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.salescrm.goal.goal.ScopeLevel;
import org.salescrm.platform.database.AuditedEntity;

/** A review (复盘) of a team or a rep for a period; owner is the reviewed rep (none for a team). */
@Entity
@Table(name = "review")
public class Review extends AuditedEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ScopeLevel scopeLevel;

    public String scopeId;

    public String period;

    public String ownerId;

    public String ownerTeam;

    public String missReasons;

    public String repAnswer;

    public String createdBy;
}
