package org.salescrm.testsupport.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Sends and receives through the SmallRye Kafka connector, configured only by what KafkaTestResource gives. */
@ApplicationScoped
public class PingChannels {

    private final Emitter<String> out;
    private final List<String> received = new CopyOnWriteArrayList<>();

    PingChannels(@Channel("pings-out") Emitter<String> out) {
        this.out = out;
    }

    public void send(String ping) {
        out.send(ping);
    }

    @Incoming("pings-in")
    void receive(String ping) {
        received.add(ping);
    }

    public List<String> received() {
        return List.copyOf(received);
    }
}
