package org.salescrm.platform.database;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL advisory locks in the current Hibernate Reactive session, under one naming scheme: a lock is named
 * by text, which the database hashes to the lock's number. Work that one instance does at a time is named
 * {@code <service>.<work>}; work about one record is named by the record's event key (its customer's id), the
 * name the outbox locks when it numbers that record's events.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Waits for the lock and holds it until the transaction ends. Run as a statement, not read as a query:
     * Hibernate 7.1 stored a new plan-cache entry for every run of this native select (all under one hash, its
     * SQL's), so with a write per request the cache filled with copies, each lookup scanned them all, and every
     * other plan was evicted (13% of visit-service's CPU per created visit).
     */
    public static Uni<Void> holdUntilCommit(String name) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, name)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Takes the lock if it is free, held until the transaction ends; false when another transaction holds it. */
    public static Uni<Boolean> tryUntilCommit(String name) {
        return query("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))", name, Boolean.class);
    }

    /**
     * Takes the lock if it is free, held by the session across its transactions until {@link #releaseInSession};
     * false when another session holds it.
     */
    public static Uni<Boolean> tryInSession(String name) {
        return query("SELECT pg_try_advisory_lock(hashtextextended(?1, 0))", name, Boolean.class);
    }

    public static Uni<Void> releaseInSession(String name) {
        return query("SELECT pg_advisory_unlock(hashtextextended(?1, 0))", name, Boolean.class).replaceWithVoid();
    }

    private static <T> Uni<T> query(String sql, String name, Class<T> type) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, type)
                .setParameter(1, name)
                .getSingleResult());
    }
}
