package org.salescrm.customer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.customer.contract.MoneyRoad.contract;
import static org.salescrm.customer.contract.MoneyRoad.contractBody;
import static org.salescrm.customer.contract.MoneyRoad.instalmentIds;
import static org.salescrm.customer.contract.MoneyRoad.payment;
import static org.salescrm.customer.contract.MoneyRoad.wonDeal;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.keyPerson;
import static org.salescrm.customer.opportunity.Funnel.newManager;
import static org.salescrm.customer.opportunity.Funnel.newRep;
import static org.salescrm.customer.opportunity.Funnel.open;
import static org.salescrm.customer.opportunity.Funnel.opportunityBody;
import static org.salescrm.customer.opportunity.Funnel.today;
import static org.salescrm.testsupport.http.OutboxAgreement.eventsWithoutTheirRow;
import static org.salescrm.testsupport.http.OutboxAgreement.rowsOutOfStepWithTheirEvents;
import static org.salescrm.testsupport.http.OutboxAgreement.unsentEvents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.AbortedWrites;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.http.HangUpStorm.Request;

/**
 * Clients that hang up mid-request, on every write endpoint at once: each request commits whole or not at all,
 * its connection goes back to the pool, and the service keeps answering. Each request comes from a rep of its own,
 * so the per-caller rate limit never answers in their place.
 */
@QuarkusTest
class AbortedRequestsIT {

    static final int ABORTED_WRITES = 1_000;
    static final int PER_OPERATION = ABORTED_WRITES / 27 + 1;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int poolSize;

    @Inject
    Pool db;

    @Test
    void writesAbortedAtAnyPointCommitOrRollBackWholeAndReturnTheirConnections() throws Exception {
        // The WON playbook as it is: admins hanging up while putting it back change nothing another test meets.
        String wonPlaybook = JSON.writeValueAsString(Map.of("items", as(TestTokens.admin("admin-" + UUID.randomUUID()))
                .get("/api/v1/playbooks").then().statusCode(200).extract().jsonPath()
                .getList("stages.find { it.stage == 'WON' }.items")));
        Map<ApiOperation, Supplier<Request>> cases = Map.ofEntries(
                Map.entry(op("POST", "/api/v1/customers"), () -> post(newRep("east"), "/api/v1/customers",
                        Map.of("name", "挂断客户" + UUID.randomUUID()))),
                Map.entry(op("PATCH", "/api/v1/customers/{id}"), prepared(() -> {
                    String rep = newRep("east");
                    String id = customer(rep);
                    return patch(rep, "/api/v1/customers/" + id, Map.of("industry", "制造业"));
                })),
                Map.entry(op("POST", "/api/v1/customers/{id}/claim"), prepared(() -> {
                    String owner = newRep("east");
                    String id = customer(owner);
                    as(owner).body(Map.of("reason", "不再跟进")).post("/api/v1/customers/" + id + "/release")
                            .then().statusCode(200);
                    return post(newRep("east"), "/api/v1/customers/" + id + "/claim", null);
                })),
                Map.entry(op("POST", "/api/v1/customers/{id}/release"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/customers/" + customer(rep) + "/release", Map.of("reason", "不再跟进"));
                })),
                Map.entry(op("POST", "/api/v1/customers/{id}/transfer"), prepared(() -> {
                    String id = customer(newRep("east"));
                    return post(newManager("east"), "/api/v1/customers/" + id + "/transfer",
                            Map.of("toOwnerId", "rep-" + UUID.randomUUID(), "toTeam", "east", "reason", "调岗"));
                })),
                Map.entry(op("POST", "/api/v1/customer-transfers"), prepared(() -> {
                    String leaving = "rep-" + UUID.randomUUID();
                    customer(TestTokens.rep(leaving, "east"));
                    return post(newManager("east"), "/api/v1/customer-transfers", Map.of("fromOwnerId", leaving,
                            "toOwnerId", "rep-" + UUID.randomUUID(), "toTeam", "east", "reason", "离职交接"));
                })),
                Map.entry(op("POST", "/api/v1/customers/imports"), () -> new Request("POST", "/api/v1/customers/imports",
                        "name,grade\n导入客户" + UUID.randomUUID() + ",B\n",
                        Map.of("Authorization", "Bearer " + newRep("east"), "Content-Type", "text/csv; charset=UTF-8"))),
                Map.entry(op("POST", "/api/v1/customers/{customerId}/key-persons"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/customers/" + customer(rep) + "/key-persons",
                            Map.of("name", "李经理", "kpType", "DECISION_MAKER"));
                })),
                Map.entry(op("PATCH", "/api/v1/key-persons/{id}"), prepared(() -> {
                    String rep = newRep("east");
                    String id = keyPerson(rep, customer(rep), Map.of("name", "赵工"));
                    return patch(rep, "/api/v1/key-persons/" + id, Map.of("title", "采购总监"));
                })),
                Map.entry(op("POST", "/api/v1/key-persons/{id}/left"), prepared(() -> {
                    String rep = newRep("east");
                    String id = keyPerson(rep, customer(rep), Map.of("name", "钱总", "kpType", "DECISION_MAKER"));
                    return post(rep, "/api/v1/key-persons/" + id + "/left", Map.of("leftOn", today().toString()));
                })),
                Map.entry(op("POST", "/api/v1/opportunities"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/opportunities", opportunityBody(customer(rep)));
                })),
                Map.entry(op("PATCH", "/api/v1/opportunities/{id}"), prepared(() -> {
                    String rep = newRep("east");
                    return patch(rep, "/api/v1/opportunities/" + open(rep, customer(rep)), Map.of("budget", 50000));
                })),
                Map.entry(op("POST", "/api/v1/opportunities/{id}/stage"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/opportunities/" + open(rep, customer(rep)) + "/stage",
                            Map.of("stage", "POTENTIAL"));
                })),
                Map.entry(op("POST", "/api/v1/opportunities/{id}/lose"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/opportunities/" + open(rep, customer(rep)) + "/lose",
                            Map.of("reason", "预算取消", "competitor", "用友"));
                })),
                // An accepted quote also changes its deal: both commit together or neither does.
                Map.entry(op("POST", "/api/v1/opportunities/{id}/quotes"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/opportunities/" + open(rep, customer(rep)) + "/quotes", Map.of(
                            "accepted", true, "lines", List.of(Map.of("productLine", "ERP", "quantity", 2,
                                    "unitPrice", 50000, "discount", 0.1))));
                })),
                Map.entry(op("POST", "/api/v1/opportunities/{id}/contract"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/opportunities/" + wonDeal(rep).opportunityId() + "/contract",
                            contractBody(today(), today().plusDays(30), 60000, today().plusDays(90), 40000));
                })),
                Map.entry(op("POST", "/api/v1/contracts/{id}/payments"), prepared(() -> {
                    String rep = newRep("east");
                    String contractId = contract(rep, wonDeal(rep).opportunityId(),
                            contractBody(today(), today().plusDays(30), 60000));
                    return post(rep, "/api/v1/contracts/" + contractId + "/payments",
                            payment(instalmentIds(rep, contractId).get(0), today(), 25000));
                })),
                Map.entry(op("DELETE", "/api/v1/customers/{id}"), prepared(() -> {
                    String rep = newRep("east");
                    return delete(rep, "/api/v1/customers/" + customer(rep));
                })),
                Map.entry(op("POST", "/api/v1/customers/{id}/restore"), prepared(() -> {
                    String rep = newRep("east");
                    String id = customer(rep);
                    as(rep).delete("/api/v1/customers/" + id).then().statusCode(204);
                    return post(rep, "/api/v1/customers/" + id + "/restore", null);
                })),
                Map.entry(op("DELETE", "/api/v1/key-persons/{id}"), prepared(() -> {
                    String rep = newRep("east");
                    return delete(rep, "/api/v1/key-persons/" + keyPerson(rep, customer(rep), Map.of("name", "吴工")));
                })),
                Map.entry(op("POST", "/api/v1/key-persons/{id}/restore"), prepared(() -> {
                    String rep = newRep("east");
                    String id = keyPerson(rep, customer(rep), Map.of("name", "郑工"));
                    as(rep).delete("/api/v1/key-persons/" + id).then().statusCode(204);
                    return post(rep, "/api/v1/key-persons/" + id + "/restore", null);
                })),
                Map.entry(op("DELETE", "/api/v1/opportunities/{id}"), prepared(() -> {
                    String rep = newRep("east");
                    return delete(rep, "/api/v1/opportunities/" + open(rep, customer(rep)));
                })),
                Map.entry(op("POST", "/api/v1/opportunities/{id}/restore"), prepared(() -> {
                    String rep = newRep("east");
                    String id = open(rep, customer(rep));
                    as(rep).delete("/api/v1/opportunities/" + id).then().statusCode(204);
                    return post(rep, "/api/v1/opportunities/" + id + "/restore", null);
                })),
                Map.entry(op("PUT", "/api/v1/playbooks/{stage}"), () -> new Request("PUT", "/api/v1/playbooks/WON",
                        wonPlaybook, Map.of("Authorization", "Bearer " + TestTokens.admin("admin-" + UUID.randomUUID())))),
                Map.entry(op("POST", "/api/v1/opportunities/{id}/playbook/{key}/done"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/opportunities/" + open(rep, customer(rep)) + "/playbook/need-noted/done",
                            Map.of("note", "客户现用Excel管理库存"));
                })),
                Map.entry(op("POST", "/api/v1/opportunities/{id}/competitors"), prepared(() -> {
                    String rep = newRep("east");
                    return post(rep, "/api/v1/opportunities/" + open(rep, customer(rep)) + "/competitors",
                            Map.of("name", "金蝶", "pricePosition", "LOWER"));
                })),
                Map.entry(op("DELETE", "/api/v1/opportunities/{id}/competitors/{competitorId}"), prepared(() -> {
                    String rep = newRep("east");
                    String path = "/api/v1/opportunities/" + open(rep, customer(rep)) + "/competitors";
                    String id = as(rep).body(Map.of("name", "SAP")).post(path).then().statusCode(201).extract().path("id");
                    return delete(rep, path + "/" + id);
                })));

        AbortedWrites.Outcome outcome =
                AbortedWrites.hangUpOnEveryWrite("customer-service", base, db, poolSize, cases, ABORTED_WRITES);

        assertThat(outcome.stuckConnections()).as("connections never given back").isZero();
        customer(newRep("west"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(unsentEvents()) == 0);
        for (String table : new String[] {"customer", "key_person", "opportunity", "quote", "contract"}) {
            assertThat(count(rowsOutOfStepWithTheirEvents(table))).as(table + " rows out of step with their events").isZero();
        }
        assertThat(count(eventsWithoutTheirRow("customer", "crm.customer."))).as("customer events without a customer").isZero();
        assertThat(count(eventsWithoutTheirRow("key_person", "crm.key-person."))).as("key person events without one").isZero();
        assertThat(count(eventsWithoutTheirRow("opportunity", "crm.opportunity."))).as("deal events without a deal").isZero();
        assertThat(count(eventsWithoutTheirRow("quote", "crm.quote."))).as("quote events without a quote").isZero();
        assertThat(count(eventsWithoutTheirRow("contract", "crm.contract."))).as("contract events without one").isZero();
        assertThat(count(eventsWithoutTheirRow("contract", "crm.payment."))).as("payment events without a contract")
                .isZero();
        // Every payment's amount is in its instalment's collected, and no instalment holds more than it owes.
        assertThat(count("SELECT count(*) FROM instalment i WHERE i.collected <> (SELECT coalesce(sum(p.amount), 0)"
                + " FROM payment p WHERE p.instalment_id = i.id)")).as("instalments out of step with payments").isZero();
    }

    private static ApiOperation op(String method, String path) {
        return new ApiOperation(method, path);
    }

    private static Supplier<Request> prepared(Supplier<Request> make) throws Exception {
        return AbortedWrites.prepared(PER_OPERATION, make);
    }

    private static Request post(String token, String path, Map<String, ?> body) {
        return new Request("POST", path, json(body), Map.of("Authorization", "Bearer " + token));
    }

    private static Request delete(String token, String path) {
        return new Request("DELETE", path, null, Map.of("Authorization", "Bearer " + token));
    }

    private static Request patch(String token, String path, Map<String, ?> body) {
        int version = as(token).get(path).then().statusCode(200).extract().path("version");
        return new Request("PATCH", path, json(body),
                Map.of("Authorization", "Bearer " + token, "If-Match", String.valueOf(version)));
    }

    private static String json(Map<String, ?> body) {
        try {
            return body == null ? null : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private long count(String sql) {
        return db.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
