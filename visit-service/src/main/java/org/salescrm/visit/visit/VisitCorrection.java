package org.salescrm.visit.visit;

import jakarta.persistence.Column;
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

    @Column(name = "visit_id")
    public UUID visitId;

    /** The visit's version the correction produced. */
    @Column(name = "visit_version")
    public long visitVersion;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String field;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;
}
