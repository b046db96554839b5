package org.salescrm.platform.database;

import io.smallrye.mutiny.Uni;

/**
 * Work on pooled connections that runs to its end even when whoever waits for it gives up. A borrow cancelled
 * while it waits is handed its connection later and never gives it back; a transaction cancelled midway stays
 * open, holding its locks. Either way a connection is lost for good, so such work is never cancelled: a caller
 * that stops waiting only stops hearing the outcome.
 */
public final class Uncancellable {

    private Uncancellable() {
    }

    public static <T> Uni<T> of(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }
}
