package org.salescrm.visit.visit;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;
import org.salescrm.visit.UuidListConverter;

/** One contact with a customer, as the rep logged it; corrected in place, its earlier text kept as corrections. */
@Entity
@Table(name = "visit")
public class Visit extends AuditedEntity {

    @Id
    public UUID id;

    public UUID clientId;

    public String loggedBy;

    public UUID customerId;

    public UUID opportunityId;

    /** The customer's owner when the visit was logged. */
    public String ownerId;

    public String ownerTeam;

    @Enumerated(EnumType.STRING)
    public VisitMethod method;

    public Instant occurredAt;

    public Instant loggedAt;

    @Convert(converter = UuidListConverter.class)
    public List<UUID> keyPersonIds;

    public String purpose;

    public Boolean purposeAchieved;

    public Integer durationMinutes;

    public String summary;

    public String customerFeedback;

    public String needs;

    @Enumerated(EnumType.STRING)
    public Sentiment sentiment;

    public String competitorInfo;

    public Double locationLat;

    public Double locationLon;

    public Double locationAccuracy;

    public String locationAddress;

    public String nextAction;

    public LocalDate nextActionDueOn;

    public UUID followUpId;

    public boolean effective;

    public boolean lateEntry;

    /** An effective visit (有效拜访) met a key person, achieved its purpose and did not meet a negative customer. */
    public static boolean effective(List<UUID> keyPersonIds, Boolean purposeAchieved, Sentiment sentiment) {
        return keyPersonIds != null && !keyPersonIds.isEmpty()
                && Boolean.TRUE.equals(purposeAchieved)
                && sentiment != Sentiment.NEGATIVE;
    }

    public void recomputeEffective() {
        effective = effective(keyPersonIds, purposeAchieved, sentiment);
    }
}
