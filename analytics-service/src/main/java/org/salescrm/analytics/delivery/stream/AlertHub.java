package org.salescrm.analytics.delivery.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.salescrm.analytics.delivery.AlertNotice;
import org.salescrm.analytics.delivery.DeliveryChannels;
import org.salescrm.events.EventCodec;
import org.salescrm.events.UndecodableEventException;
import org.salescrm.platform.security.Caller;

/**
 * Broadcasts every alert event this instance reads to the streams open on it. The channel has a
 * consumer group of its own per instance (see application.properties), so whichever instance a
 * client is connected to, it sees every alert. Each client has a bounded buffer: one that reads
 * too slowly is dropped rather than holding up the others or the consumer.
 */
@ApplicationScoped
public class AlertHub {

    private static final Logger LOG = Logger.getLogger(AlertHub.class);

    private final BroadcastProcessor<StreamedAlert> processor = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();
    private final ObjectMapper json;
    private final AlertStreamConfig config;
    private final Counter droppedClients;

    public AlertHub(ObjectMapper json, AlertStreamConfig config, MeterRegistry metrics) {
        this.json = json;
        this.config = config;
        this.droppedClients = metrics.counter("crm.alert.stream.dropped.clients");
        metrics.gauge("crm.alert.stream.listeners", listeners);
    }

    /** A record that is not an alert event is skipped here; the service's own consumer dead-letters it. */
    @Incoming(DeliveryChannels.ALERT_STREAM)
    public void onRecord(String record) {
        decode(record).ifPresent(processor::onNext);
    }

    /** The alerts this caller may see, from now on, until the client goes away or falls too far behind. */
    public Multi<StreamedAlert> listen(Caller caller) {
        return processor
                .filter(alert -> alert.notice().visibleTo(caller))
                .onOverflow().buffer(config.bufferSize())
                .onFailure(BackPressureFailure.class).invoke(slow -> {
                    droppedClients.increment();
                    LOG.infof("alert stream of %s dropped: the client reads too slowly", caller.id());
                })
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
    }

    /**
     * The instance starts to stop: every stream open on it ends now rather than holding up the HTTP server's graceful
     * shutdown, which waits for open requests, until its timeout. Clients reconnect (to another instance) with
     * {@code Last-Event-ID} and get what they missed.
     */
    void endStreams(@Observes ShutdownDelayInitiatedEvent stopping) {
        LOG.infof("ending %d alert streams: the instance is stopping", listeners.get());
        processor.onComplete();
    }

    /** Streams open on this instance now. */
    public int listeners() {
        return listeners.get();
    }

    /** An alert event's CloudEvent text as the stream sends it; empty for any other text. */
    Optional<StreamedAlert> decode(String record) {
        try {
            return AlertNotice.of(EventCodec.data(EventCodec.read(record))).map(this::withJson);
        } catch (UndecodableEventException e) {
            LOG.debugf("not streamed, not an event: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** Serialised once here rather than once per client. */
    private StreamedAlert withJson(AlertNotice notice) {
        try {
            return new StreamedAlert(notice, json.writeValueAsString(notice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert notice always serialises", e);
        }
    }

    /** An alert notice and its JSON text. */
    public record StreamedAlert(AlertNotice notice, String json) {
    }
}
