package org.salescrm.customer.playbook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A hand-ticked playbook item of one opportunity, with who ticked it, when, and the note that proves it. */
@Entity
@Table(name = "playbook_tick")
public class PlaybookTick {

    @Id
    public UUID id;

    public UUID opportunityId;

    public String itemKey;

    public String note;

    public String doneBy;

    public Instant doneAt;
}
