package org.salescrm.visit.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.visit.UuidListConverter;

/** One contact with a customer, as the rep logged it; corrected in place, its earlier text kept as corrections. */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    public UUID id;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "logged_by")
    public String loggedBy;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "opportunity_id")
    public UUID opportunityId;

    /** The customer's owner when the visit was logged. */
    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Enumerated(EnumType.STRING)
    public VisitMethod method;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "logged_at")
    public Instant loggedAt;

    @Convert(converter = UuidListConverter.class)
    @Column(name = "key_person_ids")
    public List<UUID> keyPersonIds;

    public String purpose;

    @Column(name = "purpose_achieved")
    public Boolean purposeAchieved;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    public String summary;

    @Column(name = "customer_feedback")
    public String customerFeedback;

    public String needs;

    @Enumerated(EnumType.STRING)
    public Sentiment sentiment;

    @Column(name = "competitor_info")
    public String competitorInfo;

    @Column(name = "location_lat")
    public Double locationLat;

    @Column(name = "location_lon")
    public Double locationLon;

    @Column(name = "location_accuracy")
    public Double locationAccuracy;

    @Column(name = "location_address")
    public String locationAddress;

    @Column(name = "next_action")
    public String nextAction;

    @Column(name = "next_action_due_on")
    public LocalDate nextActionDueOn;

    @Column(name = "follow_up_id")
    public UUID followUpId;

    public boolean effective;

    @Column(name = "late_entry")
    public boolean lateEntry;

    @Version
    public Long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

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
