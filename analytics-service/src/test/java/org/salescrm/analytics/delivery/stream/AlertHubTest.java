package org.salescrm.analytics.delivery.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.AlertEvents;
import org.salescrm.events.EventCodec;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Role;

/** The broadcast behind the stream: scoped per caller, and a client that stops reading is dropped, not waited for. */
class AlertHubTest {

    static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, Set.of());
    static final int BUFFER = 2;

    final AlertHub hub = new AlertHub(EventCodec.mapper(), new AlertStreamConfig() {
        @Override
        public Duration heartbeat() {
            return Duration.ofSeconds(15);
        }

        @Override
        public int bufferSize() {
            return BUFFER;
        }

        @Override
        public int replayLimit() {
            return 1000;
        }
    }, new SimpleMeterRegistry());

    @Test
    void clientThatStopsReadingIsDroppedWhileOthersGetEverything() {
        AssertSubscriber<AlertHub.StreamedAlert> reader = hub.listen(ADMIN).subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        AssertSubscriber<AlertHub.StreamedAlert> stalled = hub.listen(ADMIN).subscribe()
                .withSubscriber(AssertSubscriber.create(0));
        assertThat(hub.listeners()).isEqualTo(2);

        for (int i = 0; i < BUFFER + 1; i++) {
            hub.onRecord(AlertEvents.envelope(AlertEvents.raised("rep-1", "east", UUID.randomUUID())));
        }

        reader.assertNotTerminated();
        assertThat(reader.getItems()).hasSize(BUFFER + 1);
        stalled.assertFailedWith(BackPressureFailure.class);
        assertThat(hub.listeners()).isEqualTo(1);
        reader.cancel();
        assertThat(hub.listeners()).isZero();
    }

    @Test
    void everyStreamEndsWhenTheInstanceStartsToStop() {
        AssertSubscriber<AlertHub.StreamedAlert> first = hub.listen(ADMIN).subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        AssertSubscriber<AlertHub.StreamedAlert> second = hub.listen(ADMIN).subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        hub.onRecord(AlertEvents.envelope(AlertEvents.raised("rep-1", "east", UUID.randomUUID())));

        hub.endStreams(new ShutdownDelayInitiatedEvent());

        first.assertCompleted();
        second.assertCompleted();
        assertThat(first.getItems()).hasSize(1);
        assertThat(hub.listeners()).isZero();
    }

    @Test
    void eachListenerGetsOnlyWhatItsCallerMaySee() {
        Caller rep = new Caller("rep-1", Set.of(Role.REP), "east", Set.of());
        Caller westManager = new Caller("mgr-west", Set.of(Role.MANAGER), "west", Set.of("west"));
        AssertSubscriber<AlertHub.StreamedAlert> repStream = hub.listen(rep).subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        AssertSubscriber<AlertHub.StreamedAlert> westStream = hub.listen(westManager).subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        AlertRaised own = AlertEvents.raised("rep-1", "east", UUID.randomUUID());
        AlertRaised colleagues = AlertEvents.raised("rep-2", "east", UUID.randomUUID());
        AlertRaised west = AlertEvents.raised("rep-9", "west", UUID.randomUUID());

        hub.onRecord(AlertEvents.envelope(own));
        hub.onRecord(AlertEvents.envelope(colleagues));
        hub.onRecord("not an event at all");
        hub.onRecord(AlertEvents.envelope(west));

        assertThat(repStream.getItems()).extracting(a -> a.notice().eventId()).containsExactly(own.eventId());
        assertThat(westStream.getItems()).extracting(a -> a.notice().eventId()).containsExactly(west.eventId());
        assertThat(repStream.getItems().get(0).json()).contains("\"event\":\"raised\"")
                .contains("\"alertId\":\"" + own.aggregateId() + "\"");
    }
}
