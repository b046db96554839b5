package org.salescrm.visit.visit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One field of a visit changed by a correction, with what it said before: records stay true. */
@Entity
@Table(name = "visit_correction")
public class VisitCorrection {

    @Id
    public UUID id;

    public UUID visitId;

    /** The visit's version the correction produced. */
    public long visitVersion;

    public Instant changedAt;

    public String changedBy;

    public String field;

    public String fromValue;

    public String toValue;
}
