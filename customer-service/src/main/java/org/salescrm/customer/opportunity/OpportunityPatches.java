package org.salescrm.customer.opportunity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Applies a PATCH to an opportunity and says which fields really changed, from what to what. */
final class OpportunityPatches {

    /** One field that changed. */
    record FieldDiff(String field, Object from, Object to) {
    }

    private OpportunityPatches() {
    }

    static List<FieldDiff> apply(Opportunity o, OpportunityPatch patch) {
        List<FieldDiff> diffs = new ArrayList<>();
        if (patch.name() != null && !patch.name().strip().equals(o.name)) {
            diffs.add(new FieldDiff("name", o.name, patch.name().strip()));
            o.name = patch.name().strip();
        }
        if (differs(patch.amount(), o.amount)) {
            diffs.add(new FieldDiff("amount", o.amount, patch.amount()));
            o.amount = patch.amount();
        }
        if (patch.expectedCloseDate() != null && !patch.expectedCloseDate().equals(o.expectedCloseDate)) {
            diffs.add(new FieldDiff("expectedCloseDate", o.expectedCloseDate, patch.expectedCloseDate()));
            o.expectedCloseDate = patch.expectedCloseDate();
        }
        if (differs(patch.budget(), o.budget)) {
            diffs.add(new FieldDiff("budget", o.budget, patch.budget()));
            o.budget = patch.budget();
        }
        if (differs(patch.quoteAmount(), o.quoteAmount)) {
            diffs.add(new FieldDiff("quoteAmount", o.quoteAmount, patch.quoteAmount()));
            o.quoteAmount = patch.quoteAmount();
        }
        if (patch.contractSignedOn() != null && !Objects.equals(patch.contractSignedOn(), o.contractSignedOn)) {
            diffs.add(new FieldDiff("contractSignedOn", o.contractSignedOn, patch.contractSignedOn()));
            o.contractSignedOn = patch.contractSignedOn();
        }
        if (patch.firstPaymentOn() != null && !Objects.equals(patch.firstPaymentOn(), o.firstPaymentOn)) {
            diffs.add(new FieldDiff("firstPaymentOn", o.firstPaymentOn, patch.firstPaymentOn()));
            o.firstPaymentOn = patch.firstPaymentOn();
        }
        return diffs;
    }

    /** 100 and 100.00 are one amount: only a different value is a change. */
    private static boolean differs(BigDecimal requested, BigDecimal current) {
        return requested != null && (current == null || requested.compareTo(current) != 0);
    }
}
