package org.salescrm.goal;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.EventCodec;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.events.customer.PaymentReceived;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

/** Other services' events, built and published to the real broker as their outbox relays do. */
public final class TestEvents {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static KafkaCompanion kafka;

    private TestEvents() {
    }

    public static synchronized KafkaCompanion kafka() {
        if (kafka == null) {
            kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        }
        return kafka;
    }

    public static OpportunityWon won(String rep, String team, UUID customer, String amount, LocalDate wonOn,
                                     String productLine) {
        Instant at = wonOn.atTime(15, 0).atZone(SHANGHAI).toInstant();
        return new OpportunityWon(UUID.randomUUID(), UUID.randomUUID(), 7, rep, team, at, customer,
                new BigDecimal(amount), "CNY", productLine, wonOn, wonOn.minusMonths(2), wonOn, wonOn);
    }

    /** The won deal moved back out of WON (to NEGOTIATION) on {@code on}, one version later. */
    public static OpportunityStageChanged unwon(OpportunityWon won, LocalDate on) {
        return new OpportunityStageChanged(UUID.randomUUID(), won.aggregateId(), won.aggregateVersion() + 1,
                won.ownerId(), won.ownerTeam(), on.atTime(11, 0).atZone(SHANGHAI).toInstant(), won.customerId(), "WON",
                "NEGOTIATION", 80, "首付款被退回", true, won.amount(), won.currency(), won.productLine(), on,
                won.ownerId());
    }

    /** The deal lost in {@code stage} on {@code on}; {@code competitor} goes into the event's data when given. */
    public static OpportunityLost lost(String rep, String team, UUID customer, String stage, String amount,
                                       LocalDate on, String reason) {
        return new OpportunityLost(UUID.randomUUID(), UUID.randomUUID(), 5, rep, team,
                on.atTime(16, 0).atZone(SHANGHAI).toInstant(), customer, stage, reason, new BigDecimal(amount), "CNY",
                null, rep);
    }

    /** The deal {@code opportunity} lost in {@code stage} on {@code on}, at {@code version}. */
    public static OpportunityLost lost(UUID opportunity, long version, String rep, String team, UUID customer,
                                       String stage, String amount, LocalDate on, String reason) {
        return new OpportunityLost(UUID.randomUUID(), opportunity, version, rep, team,
                on.atTime(16, 0).atZone(SHANGHAI).toInstant(), customer, stage, reason, new BigDecimal(amount), "CNY",
                null, rep);
    }

    /** A deal opened (in TARGET, version 1) on {@code on}, expected to close on {@code close}. */
    public static OpportunityOpened opened(String rep, String team, UUID customer, String name, String amount,
                                           LocalDate close, LocalDate on) {
        return new OpportunityOpened(UUID.randomUUID(), UUID.randomUUID(), 1, rep, team,
                on.atTime(9, 0).atZone(SHANGHAI).toInstant(), customer, name, new BigDecimal(amount), "CNY", null,
                "TARGET", 5, close, on);
    }

    /** The deal moved from {@code from} to {@code to} on {@code on}, carrying its amount and close date as they now are. */
    public static OpportunityStageChanged moved(OpportunityOpened deal, long version, String from, String to,
                                                String amount, LocalDate close, LocalDate on) {
        return moved(deal, version, from, to, amount, close, on, probabilityOf(to));
    }

    /** The same with the probability customer-service gave the deal in its new stage (its funnel's setting). */
    public static OpportunityStageChanged moved(OpportunityOpened deal, long version, String from, String to,
                                                String amount, LocalDate close, LocalDate on, int probability) {
        return new OpportunityStageChanged(UUID.randomUUID(), deal.aggregateId(), version, deal.ownerId(),
                deal.ownerTeam(), on.atTime(10, 0).atZone(SHANGHAI).toInstant(), deal.customerId(), from, to,
                probability, null, false, new BigDecimal(amount), "CNY", null, close, deal.ownerId());
    }

    /** DOMAIN.md's funnel: what customer-service gives a deal entering each stage unless configured otherwise. */
    static int probabilityOf(String stage) {
        return switch (stage) {
            case "TARGET" -> 5;
            case "POTENTIAL" -> 10;
            case "INTENT" -> 20;
            case "PROJECT" -> 40;
            case "ACKNOWLEDGED" -> 60;
            case "NEGOTIATION" -> 80;
            case "WON" -> 100;
            default -> 0;
        };
    }

    /** The deal edited on {@code on}: now in {@code stage}, of {@code amount}, expected on {@code close}. */
    public static OpportunityUpdated updated(OpportunityOpened deal, long version, String stage, String amount,
                                             LocalDate close, LocalDate on) {
        return new OpportunityUpdated(UUID.randomUUID(), deal.aggregateId(), version, deal.ownerId(),
                deal.ownerTeam(), on.atTime(11, 0).atZone(SHANGHAI).toInstant(), deal.customerId(), deal.name(),
                new BigDecimal(amount), "CNY", null, stage, probabilityOf(stage), close, null, null, null, null,
                List.of("amount", "expectedCloseDate"), deal.ownerId());
    }

    /** The deal won on {@code on} for {@code amount}, repeating its stage change's version. */
    public static OpportunityWon won(OpportunityOpened deal, long version, String amount, LocalDate on) {
        return new OpportunityWon(UUID.randomUUID(), deal.aggregateId(), version, deal.ownerId(), deal.ownerTeam(),
                on.atTime(15, 0).atZone(SHANGHAI).toInstant(), deal.customerId(), new BigDecimal(amount), "CNY", null,
                on, deal.openedOn(), on, on);
    }

    /** The event's envelope with one more field in its data, as a newer producer writes it. */
    public static String envelopeWith(DomainEvent event, String field, String value) {
        var envelope = EventCodec.envelope(event, "/test", event.occurredAt().plusSeconds(60));
        ((com.fasterxml.jackson.databind.node.ObjectNode) envelope.data()).put(field, value);
        return EventCodec.write(envelope);
    }

    /** A payment of {@code amount} received on {@code on}, on a contract of the customer's deal. */
    public static PaymentReceived payment(String rep, String team, UUID customer, String amount, LocalDate on) {
        return new PaymentReceived(UUID.randomUUID(), UUID.randomUUID(), 2, rep, team,
                on.atStartOfDay(SHANGHAI).toInstant(), customer, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), on, new BigDecimal(amount), "CNY", BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public static CustomerCreated created(String rep, String team, LocalDate on) {
        return new CustomerCreated(UUID.randomUUID(), UUID.randomUUID(), 0, rep, team,
                on.atTime(10, 0).atZone(SHANGHAI).toInstant(), "客户" + UUID.randomUUID(), "B", "制造业", "华东",
                "中型", "展会", rep);
    }

    public static VisitLogged visit(String rep, String team, UUID customer, Instant at, boolean effective) {
        return new VisitLogged(UUID.randomUUID(), UUID.randomUUID(), 0, rep, team, at, customer, null, "ON_SITE",
                List.of(), "需求调研", effective, effective ? "POSITIVE" : "NEUTRAL", effective, false,
                at.plusSeconds(3600), 60, null);
    }

    public static VisitCorrected corrected(VisitLogged visit, long version, boolean effective) {
        return new VisitCorrected(UUID.randomUUID(), visit.aggregateId(), version, visit.ownerId(),
                visit.ownerTeam(), visit.occurredAt().plusSeconds(7200), visit.customerId(), visit.occurredAt(),
                List.of("purposeAchieved"), "POSITIVE", effective, effective, visit.ownerId());
    }

    public static String envelope(DomainEvent event) {
        return EventCodec.write(EventCodec.envelope(event, "/test", event.occurredAt().plusSeconds(60)));
    }

    public static void publish(DomainEvent... events) {
        for (DomainEvent event : events) {
            publishRaw(event, envelope(event));
        }
    }

    /** The exact record again, as Kafka redelivers it. */
    public static void publishRaw(DomainEvent event, String json) {
        String topic = EventCatalog.typeOf(event.getClass()).topic();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.partitionKey().toString(), json);
        record.headers().add("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        kafka().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }
}
