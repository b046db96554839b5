package org.salescrm.goal.review;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An improvement action of a review. One assigned as a follow-up is DONE when its follow-up is
 * completed in visit-service (the follow-up has this action's id); the manager marks any other done.
 */
@Entity
@Table(name = "review_action")
public class ReviewAction {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Id
    public UUID id;

    public UUID reviewId;

    public int position;

    public String action;

    public String ownerId;

    public LocalDate dueOn;

    public boolean asFollowUp;

    public UUID customerId;

    public UUID opportunityId;

    public String status;

    public Instant doneAt;

    public String result;

    public Instant createdAt;
}
