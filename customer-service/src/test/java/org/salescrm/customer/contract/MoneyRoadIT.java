package org.salescrm.customer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.salescrm.customer.contract.MoneyRoad.contract;
import static org.salescrm.customer.contract.MoneyRoad.contractBody;
import static org.salescrm.customer.contract.MoneyRoad.instalmentIds;
import static org.salescrm.customer.contract.MoneyRoad.payment;
import static org.salescrm.customer.contract.MoneyRoad.wonDeal;
import static org.salescrm.customer.opportunity.Funnel.SHANGHAI;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.decisionMaker;
import static org.salescrm.customer.opportunity.Funnel.move;
import static org.salescrm.customer.opportunity.Funnel.newManager;
import static org.salescrm.customer.opportunity.Funnel.newRep;
import static org.salescrm.customer.opportunity.Funnel.open;
import static org.salescrm.customer.opportunity.Funnel.patch;
import static org.salescrm.customer.opportunity.Funnel.today;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.contract.MoneyRoad.WonDeal;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.ContractSigned;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.PaymentReceived;
import org.salescrm.events.customer.QuoteIssued;

/**
 * The money road of one deal through the API: quotes (the accepted one sets the deal's amount), the contract
 * of the won deal with its payment plan, a partial payment, then the rest; and what each step publishes.
 */
@QuarkusTest
class MoneyRoadIT {

    static KafkaCompanion kafka;
    static ConsumerTask<String, String> published;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        published = kafka.consumeStrings().fromTopics(Topics.OPPORTUNITIES);
    }

    @AfterAll
    static void disconnect() {
        published.close();
        kafka.close();
    }

    @Test
    void aDealGoesFromQuoteToContractToPaidInFull() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String dealId = open(rep, customerId);

        // A first quote, not accepted: numbered 1, the deal's amount untouched.
        as(rep).body(Map.of("lines", List.of(
                        Map.of("productLine", "ERP 许可", "quantity", 10, "unitPrice", 12000, "discount", 0.1),
                        Map.of("productLine", "实施服务", "quantity", 20, "unitPrice", 1500))))
                .post("/api/v1/opportunities/" + dealId + "/quotes").then().statusCode(201)
                .header("Location", containsString("/api/v1/quotes/"))
                .body("version", equalTo(1)).body("quoteNumber", equalTo(1))
                .body("total", equalTo(138000)).body("accepted", equalTo(false))
                .body("lines.amount", contains(108000, 30000)).body("ownerId", equalTo(ownerOf(rep, dealId)));
        as(rep).get("/api/v1/opportunities/" + dealId).then().body("amount", equalTo(120000));

        // The second, accepted: number 2, and the deal now carries its total as amount and quote amount.
        String accepted = as(rep).body(Map.of("accepted", true, "lines", List.of(
                        Map.of("productLine", "ERP 许可", "quantity", 10, "unitPrice", 12000, "discount", 0.15),
                        Map.of("productLine", "实施服务", "quantity", 20, "unitPrice", 1500, "discount", 0.05))))
                .post("/api/v1/opportunities/" + dealId + "/quotes").then().statusCode(201)
                .body("version", equalTo(2)).body("total", equalTo(130500)).body("accepted", equalTo(true))
                .extract().path("id");
        as(rep).get("/api/v1/opportunities/" + dealId).then()
                .body("amount", equalTo(130500)).body("quoteAmount", equalTo(130500));
        as(rep).get("/api/v1/opportunities/" + dealId + "/quotes").then().statusCode(200)
                .body("items.version", contains(1, 2)).body("items.total", contains(138000, 130500));
        as(rep).get("/api/v1/quotes/" + accepted).then().statusCode(200).body("opportunityId", equalTo(dealId));

        // Won, then the contract with a plan of two instalments.
        WonDeal won = winExisting(rep, customerId, dealId);
        LocalDate signedOn = today().minusDays(5);
        Map<String, Object> body = contractBody(signedOn, signedOn.plusDays(15), 39150, signedOn.plusDays(90), 91350);
        JsonPath signed = as(rep).body(body).post("/api/v1/opportunities/" + won.opportunityId() + "/contract")
                .then().statusCode(201).header("Location", containsString("/api/v1/contracts/"))
                .body("amount", equalTo(130500)).body("collected", equalTo(0)).body("outstanding", equalTo(130500))
                .body("instalments", hasSize(2)).body("instalments.state", contains("OPEN", "OPEN"))
                .extract().jsonPath();
        String contractId = signed.getString("id");
        List<String> plan = signed.getList("instalments.id");

        // A partial payment on the first instalment, then the rest of both.
        as(rep).body(payment(plan.get(0), today().minusDays(1), 20000))
                .post("/api/v1/contracts/" + contractId + "/payments").then().statusCode(201)
                .header("Location", containsString("/api/v1/payments/"))
                .body("amount", equalTo(20000)).body("contractCollected", equalTo(20000))
                .body("contractOutstanding", equalTo(110500))
                .body("instalments[0].collected", equalTo(20000)).body("instalments[0].outstanding", equalTo(19150))
                .body("instalments[0].state", equalTo("OPEN"));
        as(rep).body(payment(plan.get(0), today(), 19150)).post("/api/v1/contracts/" + contractId + "/payments")
                .then().statusCode(201).body("instalments[0].state", equalTo("PAID"));
        as(rep).body(payment(plan.get(1), today(), 91350)).post("/api/v1/contracts/" + contractId + "/payments")
                .then().statusCode(201).body("instalments.state", contains("PAID", "PAID"))
                .body("contractOutstanding", equalTo(0));
        as(rep).get("/api/v1/contracts/" + contractId).then().statusCode(200)
                .body("collected", equalTo(130500)).body("outstanding", equalTo(0)).body("version", equalTo(3))
                .body("instalments.outstanding", contains(0, 0));

        // What went out, in order, on the deal's customer key.
        List<QuoteIssued> quotes = await(customerId, QuoteIssued.class, 2);
        assertThat(quotes).extracting(QuoteIssued::quoteNumber).containsExactly(1, 2);
        assertThat(quotes).extracting(QuoteIssued::accepted).containsExactly(false, true);
        assertThat(quotes.get(1).total()).isEqualByComparingTo("130500");
        assertThat(quotes.get(1).aggregateId()).hasToString(accepted);
        assertThat(quotes.get(1).aggregateVersion()).isEqualTo(2);
        assertThat(quotes.get(1).opportunityId()).hasToString(dealId);
        assertThat(quotes.get(1).ownerTeam()).isEqualTo("east");
        OpportunityUpdated amountSet = await(customerId, OpportunityUpdated.class, 2).stream()
                .filter(u -> u.changedFields().contains("quoteAmount") && u.amount().compareTo(
                        new BigDecimal("130500")) == 0).findFirst().orElseThrow();
        assertThat(amountSet.changedFields()).containsExactly("amount", "quoteAmount");
        ContractSigned contractSigned = await(customerId, ContractSigned.class, 1).get(0);
        assertThat(contractSigned.aggregateId()).hasToString(contractId);
        assertThat(contractSigned.number()).isEqualTo(body.get("number"));
        assertThat(contractSigned.signedOn()).isEqualTo(signedOn);
        assertThat(contractSigned.occurredAt()).isEqualTo(signedOn.atStartOfDay(SHANGHAI).toInstant());
        assertThat(contractSigned.amount()).isEqualByComparingTo("130500");
        assertThat(contractSigned.instalments()).extracting(i -> i.instalmentId().toString())
                .containsExactlyElementsOf(plan);
        List<PaymentReceived> payments = await(customerId, PaymentReceived.class, 3);
        assertThat(payments).extracting(PaymentReceived::aggregateVersion).containsExactly(1L, 2L, 3L);
        assertThat(payments.get(0).amount()).isEqualByComparingTo("20000");
        assertThat(payments.get(0).instalmentOutstanding()).isEqualByComparingTo("19150");
        assertThat(payments.get(0).contractOutstanding()).isEqualByComparingTo("110500");
        assertThat(payments.get(0).receivedOn()).isEqualTo(today().minusDays(1));
        assertThat(payments.get(0).occurredAt()).isEqualTo(today().minusDays(1).atStartOfDay(SHANGHAI).toInstant());
        assertThat(payments.get(2).contractOutstanding()).isEqualByComparingTo("0");
    }

    @Test
    void aContractIsForAWonDealOnlyAndOnce() {
        String rep = newRep("east");
        String openDeal = open(rep, customer(rep));
        Map<String, Object> body = contractBody(today(), today().plusDays(30), 1000);
        as(rep).body(body).post("/api/v1/opportunities/" + openDeal + "/contract").then().statusCode(409)
                .body("type", endsWith("/opportunity-not-won"));

        WonDeal won = wonDeal(rep);
        contract(rep, won.opportunityId(), body);
        as(rep).body(contractBody(today(), today().plusDays(30), 1000))
                .post("/api/v1/opportunities/" + won.opportunityId() + "/contract").then().statusCode(409)
                .body("type", endsWith("/contract-exists"));
        // A quote on the closed deal is refused as any change of a won deal is.
        as(rep).body(Map.of("lines", List.of(Map.of("productLine", "加购", "quantity", 1, "unitPrice", 10))))
                .post("/api/v1/opportunities/" + won.opportunityId() + "/quotes").then().statusCode(409)
                .body("type", endsWith("/opportunity-closed"));
    }

    @Test
    void aRetriedCreateWithTheSameKeyGivesTheFirstResult() {
        String rep = newRep("east");
        WonDeal won = wonDeal(rep);
        Map<String, Object> body = contractBody(today(), today().plusDays(30), 600, today().plusDays(60), 400);
        String key = "contract-" + UUID.randomUUID();
        String first = as(rep).header("Idempotency-Key", key).body(body)
                .post("/api/v1/opportunities/" + won.opportunityId() + "/contract").then().statusCode(201)
                .extract().path("id");
        as(rep).header("Idempotency-Key", key).body(body)
                .post("/api/v1/opportunities/" + won.opportunityId() + "/contract").then().statusCode(200)
                .body("id", equalTo(first));

        String instalment = instalmentIds(rep, first).get(0);
        String paymentKey = "payment-" + UUID.randomUUID();
        String paid = as(rep).header("Idempotency-Key", paymentKey).body(payment(instalment, today(), 600))
                .post("/api/v1/contracts/" + first + "/payments").then().statusCode(201).extract().path("id");
        // The retry is no overpayment: it answers the first payment, and nothing more was collected.
        as(rep).header("Idempotency-Key", paymentKey).body(payment(instalment, today(), 600))
                .post("/api/v1/contracts/" + first + "/payments").then().statusCode(200).body("id", equalTo(paid));
        as(rep).get("/api/v1/payments/" + paid).then().statusCode(200).body("amount", equalTo(600))
                .body("contractCollected", equalTo(600));
        as(rep).get("/api/v1/contracts/" + first).then().body("collected", equalTo(600));

        String quoteKey = "quote-" + UUID.randomUUID();
        String deal = open(rep, customer(rep));
        Map<String, Object> quote = Map.of("lines", List.of(Map.of("productLine", "A", "quantity", 1, "unitPrice", 5)));
        String quoteId = as(rep).header("Idempotency-Key", quoteKey).body(quote)
                .post("/api/v1/opportunities/" + deal + "/quotes").then().statusCode(201).extract().path("id");
        as(rep).header("Idempotency-Key", quoteKey).body(quote).post("/api/v1/opportunities/" + deal + "/quotes")
                .then().statusCode(200).body("id", equalTo(quoteId));
        as(rep).get("/api/v1/opportunities/" + deal + "/quotes").then().body("items", hasSize(1));
    }

    @Test
    void inputThatBreaksTheMoneyRulesIsRefusedNamingTheField() {
        String rep = newRep("east");
        String deal = open(rep, customer(rep));
        as(rep).body(Map.of("lines", List.of())).post("/api/v1/opportunities/" + deal + "/quotes").then()
                .statusCode(422).body("errors.field", hasItem("lines"));
        as(rep).body(Map.of("lines", List.of(Map.of("productLine", "A", "quantity", 1, "unitPrice", 5,
                        "discount", 1.5)))).post("/api/v1/opportunities/" + deal + "/quotes").then()
                .statusCode(422).body("errors.field", hasItem(startsWith("lines[0].discount")));
        as(rep).body(Map.of("lines", List.of(Map.of("productLine", "A", "quantity", 0, "unitPrice", 5))))
                .post("/api/v1/opportunities/" + deal + "/quotes").then()
                .statusCode(422).body("errors.field", hasItem(startsWith("lines[0].quantity")));

        WonDeal won = wonDeal(rep);
        Map<String, Object> notAddingUp = new HashMap<>(contractBody(today(), today().plusDays(30), 600));
        notAddingUp.put("amount", 1000);
        as(rep).body(notAddingUp).post("/api/v1/opportunities/" + won.opportunityId() + "/contract").then()
                .statusCode(422).body("type", endsWith("/validation"))
                .body("errors.find { it.field == 'instalments' }.rule", equalTo("sumEqualsAmount"));
        as(rep).body(contractBody(today().plusDays(1), today().plusDays(30), 600))
                .post("/api/v1/opportunities/" + won.opportunityId() + "/contract").then()
                .statusCode(422).body("errors.find { it.field == 'signedOn' }.rule", equalTo("PastOrPresent"));
        as(rep).body(contractBody(today(), today().minusDays(1), 600))
                .post("/api/v1/opportunities/" + won.opportunityId() + "/contract").then()
                .statusCode(422).body("errors.find { it.field == 'instalments[0].dueOn' }.rule",
                        equalTo("notBeforeSignedOn"));

        String contractId = contract(rep, won.opportunityId(),
                contractBody(today().minusDays(10), today(), 600, today().plusDays(30), 400));
        List<String> plan = instalmentIds(rep, contractId);
        as(rep).body(payment(plan.get(0), today(), 601)).post("/api/v1/contracts/" + contractId + "/payments")
                .then().statusCode(422).body("errors.find { it.field == 'amount' }.rule",
                        equalTo("notMoreThanOutstanding"));
        as(rep).body(payment(plan.get(0), today().plusDays(1), 100)).post("/api/v1/contracts/" + contractId + "/payments")
                .then().statusCode(422).body("errors.find { it.field == 'receivedOn' }.rule", equalTo("PastOrPresent"));
        as(rep).body(payment(UUID.randomUUID().toString(), today(), 100))
                .post("/api/v1/contracts/" + contractId + "/payments").then().statusCode(422)
                .body("errors.find { it.field == 'instalmentId' }.rule", equalTo("instalmentOfContract"));
        // A partial payment, then one more than what is left of it, is an overpayment too.
        as(rep).body(payment(plan.get(1), today(), 300)).post("/api/v1/contracts/" + contractId + "/payments")
                .then().statusCode(201);
        as(rep).body(payment(plan.get(1), today(), 101)).post("/api/v1/contracts/" + contractId + "/payments")
                .then().statusCode(422).body("errors.find { it.field == 'amount' }.rule",
                        equalTo("notMoreThanOutstanding"));
        as(rep).get("/api/v1/contracts/" + contractId).then().body("collected", equalTo(300));
    }

    @Test
    void anotherTeamsRepFindsTheMoneyRecordsAsMissing() {
        String rep = newRep("east");
        WonDeal won = wonDeal(rep);
        String contractId = contract(rep, won.opportunityId(), contractBody(today(), today().plusDays(30), 1000));
        String instalment = instalmentIds(rep, contractId).get(0);
        String paymentId = as(rep).body(payment(instalment, today(), 100))
                .post("/api/v1/contracts/" + contractId + "/payments").then().statusCode(201).extract().path("id");
        String deal = open(rep, customer(rep));
        String quoteId = as(rep).body(Map.of("lines", List.of(Map.of("productLine", "A", "quantity", 1,
                "unitPrice", 5)))).post("/api/v1/opportunities/" + deal + "/quotes").then().statusCode(201)
                .extract().path("id");

        String stranger = newRep("west");
        String teammate = newRep("east");
        for (String outsider : List.of(stranger, teammate)) {
            for (String path : List.of("/api/v1/contracts/" + contractId, "/api/v1/payments/" + paymentId,
                    "/api/v1/quotes/" + quoteId, "/api/v1/opportunities/" + deal + "/quotes")) {
                String missing = path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", UUID.randomUUID().toString());
                String type = as(outsider).get(missing).then().statusCode(404).extract().path("type");
                as(outsider).get(path).then().statusCode(404).body("type", equalTo(type));
            }
            as(outsider).body(payment(instalment, today(), 100)).post("/api/v1/contracts/" + contractId + "/payments")
                    .then().statusCode(404);
            as(outsider).body(Map.of("lines", List.of(Map.of("productLine", "A", "quantity", 1, "unitPrice", 5))))
                    .post("/api/v1/opportunities/" + deal + "/quotes").then().statusCode(404);
        }
        // The rep's manager sees them.
        as(newManager("east")).get("/api/v1/contracts/" + contractId).then()
                .statusCode(200).body("collected", equalTo(100));
        as(rep).get("/api/v1/contracts/" + contractId).then().body("collected", equalTo(100));
    }

    private static String ownerOf(String token, String dealId) {
        return as(token).get("/api/v1/opportunities/" + dealId).then().extract().path("ownerId");
    }

    /** Moves an existing deal, whose quote amount is already set, to WON. */
    private static WonDeal winExisting(String rep, String customerId, String dealId) {
        decisionMaker(rep, customerId);
        patch(rep, dealId, Map.of("budget", 100000,
                "contractSignedOn", today().minusDays(5).toString(), "firstPaymentOn", today().toString()))
                .statusCode(200);
        move(rep, dealId, Map.of("stage", "WON")).statusCode(200);
        return new WonDeal(customerId, dealId);
    }

    private static <T extends DomainEvent> List<T> await(String customerId, Class<T> type, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> published.getRecords().stream().filter(r -> customerId.equals(r.key()))
                        .map(r -> EventCodec.data(EventCodec.read(r.value())))
                        .filter(type::isInstance).map(type::cast).toList(),
                list -> list.size() >= count);
    }
}
