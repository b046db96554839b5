package org.salescrm.visit.visit;

import java.time.Instant;
import java.util.UUID;

/** One entry of a visit's history: who changed which field when, from what to what. */
public record VisitCorrectionView(UUID id, Instant at, String by, String field, String from, String to,
                                  long version) {

    static VisitCorrectionView of(VisitCorrection c) {
        return new VisitCorrectionView(c.id, c.changedAt, c.changedBy, c.field, c.fromValue, c.toValue,
                c.visitVersion);
    }
}
