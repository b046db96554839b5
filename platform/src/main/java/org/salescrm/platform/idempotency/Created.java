package org.salescrm.platform.idempotency;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/** The outcome of a create: the resource, and whether it was made by an earlier request with the same key. */
public record Created<T>(T resource, boolean replayed) {

    public static <T> Created<T> fresh(T resource) {
        return new Created<>(resource, false);
    }

    public static <T> Created<T> replay(T resource) {
        return new Created<>(resource, true);
    }

    /**
     * The answer every idempotent create gives: 201 with the new resource and its {@code Location}
     * ({@code collection} + id), or 200 with the first request's resource when this one was a retry.
     */
    public <V> RestResponse<V> answer(Function<T, V> toView, Function<V, UUID> idOf, String collection) {
        V view = toView.apply(resource);
        if (replayed) {
            return RestResponse.ok(view);
        }
        return RestResponse.ResponseBuilder.<V>created(URI.create(collection + "/" + idOf.apply(view)))
                .entity(view).build();
    }
}
