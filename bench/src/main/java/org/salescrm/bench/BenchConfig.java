package org.salescrm.bench;

/**
 * The sizes of one run. {@code -Dbench.scale=full} (the default) holds the goals' sizes; {@code mid} keeps the
 * request-path data and shrinks what only the slow batch figures need; {@code small} is a quick check of the
 * whole command. Any size can be set on its own ({@code -Dbench.visits=...}).
 */
public record BenchConfig(String scale, int customers, int opportunities, int visits, int scanOpportunities,
                          int backlog, int seconds, int ingestTimeoutSeconds, int scanTimeoutSeconds, boolean jfr) {

    /** Arrival rates of the open-loop rows: the rates the goals' targets name. */
    public static final int VISIT_RATE = 300;
    public static final int GET_CUSTOMER_RATE = 1000;
    public static final int CREATE_CUSTOMER_RATE = 300;

    public static BenchConfig fromSystemProperties() {
        String scale = text("bench.scale", "full");
        BenchConfig defaults = switch (scale) {
            case "small" -> new BenchConfig(scale, 1_000, 5_000, 20_000, 20_000, 20_000, 8, 180, 180, true);
            case "mid" -> new BenchConfig(scale, 10_000, 50_000, 500_000, 200_000, 200_000, 15, 600, 900, true);
            case "full" -> new BenchConfig(scale, 10_000, 50_000, 500_000, 1_000_000, 1_000_000, 20, 1800, 1800, true);
            default -> throw new IllegalArgumentException("bench.scale is small, mid or full, not " + scale);
        };
        return new BenchConfig(scale,
                number("bench.customers", defaults.customers),
                number("bench.opportunities", defaults.opportunities),
                number("bench.visits", defaults.visits),
                number("bench.scanOpportunities", defaults.scanOpportunities),
                number("bench.backlog", defaults.backlog),
                number("bench.seconds", defaults.seconds),
                number("bench.ingestTimeoutSeconds", defaults.ingestTimeoutSeconds),
                number("bench.scanTimeoutSeconds", defaults.scanTimeoutSeconds),
                Boolean.parseBoolean(text("bench.jfr", "true")));
    }

    /** Maven passes every property, empty when not given on the command line. */
    private static String text(String name, String fallback) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? fallback : value.trim();
    }

    private static int number(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)).replace("_", "").replace(",", ""));
    }

    public String describe() {
        return String.format("scale %s: %,d customers, %,d opportunities, %,d visits; %,d open opportunities in "
                        + "analytics for the scan (ten to a customer); backlog %,d events; %d s per measurement",
                scale, customers, opportunities, visits, scanOpportunities, backlog, seconds);
    }
}
