package org.salescrm.visit.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A next action (跟进) for a customer: due on a date, done with a result. Overdue is read from the date, not stored. */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "opportunity_id")
    public UUID opportunityId;

    /** The visit whose next action this is; null for one created directly. */
    @Column(name = "visit_id")
    public UUID visitId;

    @Column(name = "assignee_id")
    public String assigneeId;

    /** The customer's owner when the follow-up was created. */
    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    public String action;

    @Column(name = "due_on")
    public LocalDate dueOn;

    /** OPEN or DONE as stored; see {@link FollowUpStatus#of(FollowUp, LocalDate)} for what clients read. */
    public String status;

    public String result;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    /** Set by the overdue job with its event; never changed by an entity write. */
    @Column(name = "overdue_published_at", insertable = false, updatable = false)
    public Instant overduePublishedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public Long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
