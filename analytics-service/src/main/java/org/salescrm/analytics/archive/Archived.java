package org.salescrm.analytics.archive;

/**
 * SQL conditions that leave archived (soft-deleted) records out of what is read: reports, figures and the
 * rules' inputs. An opportunity counts only while neither it nor its customer is archived.
 */
public final class Archived {

    private Archived() {
    }

    /** The customer {@code customerIdColumn} names is not archived (or not known here yet). */
    public static String customerLive(String customerIdColumn) {
        return "NOT EXISTS (SELECT 1 FROM customer_fact ac WHERE ac.customer_id = " + customerIdColumn
                + " AND ac.archived)";
    }

    /** The opportunity_fact row {@code alias} is live: neither it nor its customer is archived. */
    public static String opportunityLive(String alias) {
        return "(NOT " + alias + ".archived AND " + customerLive(alias + ".customer_id") + ")";
    }
}
