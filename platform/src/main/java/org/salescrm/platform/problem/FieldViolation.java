package org.salescrm.platform.problem;

/** One broken rule on one input field, as listed in a problem's {@code errors}. */
public record FieldViolation(String field, String rule, String message) {
}
