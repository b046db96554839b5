package org.salescrm.customer.opportunity;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.salescrm.platform.problem.FieldViolation;

/**
 * The gates an admin sets on stage playbooks, beside the configured evidence gates: a forward move
 * lists what is missing from both in one answer (see {@link StageEvidence}). Called inside the
 * move's session.
 */
public interface StageChecklist {

    /** Every gating item of a stage that {@code target} reaches or passes and that is not done, in funnel order. */
    Uni<List<FieldViolation>> missing(Opportunity opportunity, Stage target);
}
