package org.salescrm.platform.idempotency;

/** The outcome of a create: the resource, and whether it was made by an earlier request with the same key. */
public record Created<T>(T resource, boolean replayed) {

    public static <T> Created<T> fresh(T resource) {
        return new Created<>(resource, false);
    }

    public static <T> Created<T> replay(T resource) {
        return new Created<>(resource, true);
    }
}
