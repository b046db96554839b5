package org.salescrm.analytics.delivery.stream;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/**
 * Alerts raised, changed and resolved, as they happen, for what the caller may see: server-sent
 * events named after the transition, with the event id as {@code id} and the alert as JSON data.
 * A client that reconnects with {@code Last-Event-ID} first receives what it missed ({@link MissedAlerts}).
 */
@Path("/api/v1/alerts/stream")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class AlertStreamResource {

    private static final Duration FIRST_HEARTBEAT = Duration.ofMillis(1);

    private final MissedAlerts alerts;
    private final AlertStreamConfig config;
    private final CurrentCaller caller;

    public AlertStreamResource(MissedAlerts alerts, AlertStreamConfig config, CurrentCaller caller) {
        this.alerts = alerts;
        this.config = config;
        this.caller = caller;
    }

    /**
     * The first heartbeat goes out at once: it sends the headers, and once a client reads it, its
     * subscription is in place. Closing the connection cancels the subscription; the instance stopping ends the
     * stream, and the client reconnects.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Caller who = caller.get();
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        Multi<OutboundSseEvent> events = alerts.resume(who, lastEventId).map(alert -> sse.newEventBuilder()
                .id(alert.notice().eventId().toString())
                .name(alert.notice().event())
                .data(alert.json())
                .build())
                .onCompletion().continueWith(end);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks()
                .startingAfter(FIRST_HEARTBEAT).every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // The events end only when the instance stops (AlertHub#endStreams): the heartbeats end with them.
        return Multi.createBy().merging().streams(events, heartbeats).select().first(event -> event != end);
    }
}
