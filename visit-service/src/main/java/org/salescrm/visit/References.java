package org.salescrm.visit;

import java.util.List;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;

/**
 * How a request naming records of its customer (a visit's key persons and opportunity, a follow-up's opportunity)
 * is refused. An id the replicas have not seen yet may be one created a moment ago (events take a moment to
 * arrive), so a refusal for unknown ids alone says so and asks for a retry, as an unknown customer does.
 */
public final class References {

    /** The rule of an id this service has not seen. */
    public static final String UNKNOWN = "known";

    private References() {
    }

    /** Only ids not seen yet: a retry may succeed. Anything else is simply wrong, of type {@code invalidType}. */
    public static RuntimeException refusal(List<FieldViolation> violations, String invalidType) {
        String fields = String.join(", ", violations.stream().map(FieldViolation::field).toList());
        boolean onlyUnknown = violations.stream().allMatch(v -> UNKNOWN.equals(v.rule()));
        return onlyUnknown
                ? Problems.ruleViolated("reference-not-replicated", violations, "reference-not-replicated", fields)
                : Problems.ruleViolated(invalidType, violations, invalidType, fields);
    }
}
