package org.salescrm.bench.report;

/** One line of the result table: what was measured, its value, the machine's reference beside it, the target. */
public record Row(String figure, String value, String reference, String ratio, String target) {

    public static Row of(String figure, String value, String target) {
        return new Row(figure, value, "", "", target);
    }

    /** A figure with its reference; the ratio is value / reference. */
    public static Row compared(String figure, double value, String unit, String referenceName, double reference,
                               String target) {
        String ratio = reference > 0 ? String.format("%.1f%%", 100 * value / reference) : "";
        return new Row(figure, String.format("%,.0f %s", value, unit),
                String.format("%s: %,.0f", referenceName, reference), ratio, target);
    }
}
