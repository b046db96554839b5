package org.salescrm.visit.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;

/** A next action (跟进) for a customer: due on a date, done with a result. Overdue is read from the date, not stored. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends AuditedEntity {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Id
    public UUID id;

    public UUID customerId;

    public UUID opportunityId;

    /** The visit whose next action this is; null for one created directly. */
    public UUID visitId;

    public String assigneeId;

    /** The customer's owner when the follow-up was created. */
    public String ownerId;

    public String ownerTeam;

    public String action;

    public LocalDate dueOn;

    /** OPEN or DONE as stored; see {@link FollowUpStatus#of(FollowUp, LocalDate)} for what clients read. */
    public String status;

    public String result;

    public Instant completedAt;

    public String completedBy;

    /** Set by the overdue job with its event; never changed by an entity write. */
    @Column(insertable = false, updatable = false)
    public Instant overduePublishedAt;

    public String createdBy;
}
