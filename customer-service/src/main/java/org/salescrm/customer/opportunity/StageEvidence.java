package org.salescrm.customer.opportunity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.problem.FieldViolation;

/**
 * The evidence a stage needs (API.md's gates), checked for every gate a forward move reaches or
 * passes, so a skip forward is allowed exactly when the evidence of every stage passed is there.
 */
final class StageEvidence {

    static final String BUDGET = "budget";
    static final String DECISION_MAKER = "decisionMaker";
    static final String QUOTE_AMOUNT = "quoteAmount";
    static final String CONTRACT_SIGNED_ON = "contractSignedOn";
    static final String FIRST_PAYMENT_ON = "firstPaymentOn";
    static final String RULE = "evidence";

    private StageEvidence() {
    }

    /** Whether reaching {@code target} needs the count of the customer's active decision makers. */
    static boolean needsDecisionMakers(FunnelConfig.Gates gates, Stage target) {
        return gates.acknowledgedDecisionMaker() && Stage.ACKNOWLEDGED.isReachedBy(target);
    }

    /** Evidence of a stage already reached that a patch would clear: the gate stays passed only with it. */
    static List<FieldViolation> cleared(Opportunity o, MergePatch<OpportunityPatch> patch, FunnelConfig.Gates gates) {
        List<FieldViolation> cleared = new ArrayList<>();
        if (gates.projectBudget() && Stage.PROJECT.isReachedBy(o.stage) && clears(patch, BUDGET)) {
            cleared.add(new FieldViolation(BUDGET, RULE, "PROJECT or later needs a budget above 0"));
        }
        if (gates.negotiationQuote() && Stage.NEGOTIATION.isReachedBy(o.stage) && clears(patch, QUOTE_AMOUNT)) {
            cleared.add(new FieldViolation(QUOTE_AMOUNT, RULE, "NEGOTIATION or later needs a quoteAmount"));
        }
        return cleared;
    }

    private static boolean clears(MergePatch<OpportunityPatch> patch, String field) {
        return patch.has(field) && patch.value(field) == null;
    }

    /**
     * Every missing piece of evidence for reaching {@code target}, in funnel order, then the
     * playbook items an admin made gates ({@code checklist}, see {@link StageChecklist}); empty when it may go.
     */
    static List<FieldViolation> missing(Opportunity o, Stage target, long activeDecisionMakers,
                                        FunnelConfig.Gates gates, List<FieldViolation> checklist) {
        List<FieldViolation> missing = new ArrayList<>();
        if (gates.projectBudget() && Stage.PROJECT.isReachedBy(target)
                && (o.budget == null || o.budget.compareTo(BigDecimal.ZERO) <= 0)) {
            missing.add(new FieldViolation(BUDGET, RULE, "PROJECT or later needs a budget above 0"));
        }
        if (needsDecisionMakers(gates, target) && activeDecisionMakers == 0) {
            missing.add(new FieldViolation(DECISION_MAKER, RULE,
                    "ACKNOWLEDGED or later needs an active key person of kpType DECISION_MAKER at the customer"));
        }
        if (gates.negotiationQuote() && Stage.NEGOTIATION.isReachedBy(target) && o.quoteAmount == null) {
            missing.add(new FieldViolation(QUOTE_AMOUNT, RULE, "NEGOTIATION or later needs a quoteAmount"));
        }
        if (gates.wonContract() && target == Stage.WON) {
            if (o.contractSignedOn == null) {
                missing.add(new FieldViolation(CONTRACT_SIGNED_ON, RULE, "WON needs contractSignedOn"));
            }
            if (o.firstPaymentOn == null) {
                missing.add(new FieldViolation(FIRST_PAYMENT_ON, RULE, "WON needs firstPaymentOn"));
            }
        }
        missing.addAll(checklist);
        return missing;
    }
}
