package org.salescrm.customer.playbook;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Predicate;
import org.salescrm.customer.opportunity.Opportunity;

/**
 * The playbook items the records prove by themselves, by key. An item with proof DATA must use one
 * of these keys; any other item is ticked by hand.
 */
final class DataProofs {

    /**
     * What the checks read: the opportunity, whether its customer had a qualifying visit, its key persons, and its
     * quotes (all of them, and those the customer accepted).
     */
    record Facts(Opportunity opportunity, boolean visited, long activeCoaches, long activeDecisionMakers,
                 long quotes, long acceptedQuotes) {
    }

    private static final Map<String, Predicate<Facts>> CHECKS = Map.of(
            "first-visit", Facts::visited,
            "first-quote", f -> f.quotes() > 0,
            // the formal quote of NEGOTIATION is the one the customer took
            "formal-quote", f -> f.acceptedQuotes() > 0,
            "coach", f -> f.activeCoaches() > 0,
            "decision-maker", f -> f.activeDecisionMakers() > 0,
            "budget", f -> f.opportunity().budget != null && f.opportunity().budget.compareTo(BigDecimal.ZERO) > 0,
            "contract-signed", f -> f.opportunity().contractSignedOn != null,
            "first-payment", f -> f.opportunity().firstPaymentOn != null);

    private DataProofs() {
    }

    static boolean known(String key) {
        return CHECKS.containsKey(key);
    }

    static java.util.Set<String> keys() {
        return new java.util.TreeSet<>(CHECKS.keySet());
    }

    static boolean proved(String key, Facts facts) {
        Predicate<Facts> check = CHECKS.get(key);
        return check != null && check.test(facts);
    }
}
