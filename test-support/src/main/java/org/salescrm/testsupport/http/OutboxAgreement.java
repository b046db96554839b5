package org.salescrm.testsupport.http;

/**
 * SQL that finds a change and its event out of step in a service's own database: every write commits its row and
 * its outbox event together, so after any number of aborted requests each counts zero. Rows whose payload is no
 * JSON (tests of the relay park such rows on purpose) are passed over.
 */
public final class OutboxAgreement {

    private static final String EVENTS = "(SELECT o.type, CASE WHEN pg_input_is_valid(o.payload, 'jsonb')"
            + " THEN o.payload::jsonb END AS doc FROM outbox_event o) e";
    private static final String EVENT_VERSION = "(e.doc -> 'data' ->> 'aggregateVersion')::bigint";
    private static final String SUBJECT = "e.doc ->> 'subject'";

    private OutboxAgreement() {
    }

    /**
     * Rows of {@code table} (with {@code id} and {@code version}) whose version is not the newest one their events
     * announce: a change committed without its event, or an event whose change rolled back.
     */
    public static String rowsOutOfStepWithTheirEvents(String table) {
        return "SELECT count(*) FROM " + table + " r WHERE r.version IS DISTINCT FROM (SELECT max(" + EVENT_VERSION
                + ") FROM " + EVENTS + " WHERE " + SUBJECT + " = r.id::text)";
    }

    /** Events of the types starting with {@code typePrefix} whose subject has no row in {@code table}. */
    public static String eventsWithoutTheirRow(String table, String typePrefix) {
        return "SELECT count(*) FROM " + EVENTS + " WHERE e.type LIKE '" + typePrefix + "%' AND e.doc IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " r WHERE r.id::text = " + SUBJECT + ")";
    }

    /** Events not yet published: zero once the relay has caught up. */
    public static String unsentEvents() {
        return "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL";
    }
}
