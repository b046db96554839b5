package org.salescrm.bench.data;

import java.util.UUID;

/**
 * Ids the bulk load gives its rows, computable from a row number on both sides: in SQL
 * ({@link #sql(int, String)}) for generate_series and pgbench, in Java for the generator's requests.
 */
public final class Ids {

    public static final int CUSTOMER = 0;
    public static final int OPPORTUNITY = 1;
    public static final int VISIT = 2;
    public static final int SCAN_OPPORTUNITY = 3;
    /** The reps that own the loaded customers: customer i belongs to rep i % REPS. */
    public static final int REPS = 20;
    public static final String TEAM = "bench";

    private Ids() {
    }

    public static UUID of(int kind, long number) {
        return UUID.fromString(String.format("%08x-0000-4000-8000-%012x", kind, number));
    }

    public static UUID customer(long number) {
        return of(CUSTOMER, number);
    }

    public static String ownerOf(long customerNumber) {
        return "bench-rep-" + customerNumber % REPS;
    }

    /** The same id as {@link #of(int, long)}, for the row number held by the SQL expression {@code number}. */
    public static String sql(int kind, String number) {
        return String.format("('%08x-0000-4000-8000-' || lpad(to_hex(%s), 12, '0'))::uuid", kind, number);
    }
}
