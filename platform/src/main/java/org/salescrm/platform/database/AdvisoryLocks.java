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

    /** Waits for the lock and holds it until the transaction ends. */
    public static Uni<Void> holdUntilCommit(String name) {
        return query("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))", name, Integer.class)
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

    /**
     * Untyped on purpose: Hibernate 7.1 keys a native query's plan by its result builders, and the builder of a
     * scalar result class has no {@code equals}, so a typed query added a plan-cache entry on every call, all with
     * one hash, and every lookup became a linear scan of the cache (13% of visit-service's CPU per created visit).
     */
    private static <T> Uni<T> query(String sql, String name, Class<T> type) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter(1, name)
                .getSingleResult()
                .map(type::cast));
    }
}
