package org.salescrm.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.salescrm.local.demo.DemoPlan.Customer;
import org.salescrm.local.demo.DemoPlan.KeyPerson;
import org.salescrm.local.demo.DemoPlan.Opportunity;

/** A second load after users played with the demo finds everything by natural keys and writes nothing. */
class DemoStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> USERS = Map.of("sub-e1", "rep-east-1", "sub-e2", "rep-east-2", "sub-w1", "rep-west-1");

    private final List<Customer> plan = DemoPlan.build(LocalDate.of(2026, 11, 22));
    private final Customer first = plan.get(0);

    @Test
    void findsCustomersRenamedTransferredReleasedOrClaimedByTheirCreditCodeOrPhone() {
        List<JsonNode> afterPlay = List.of(
                customer("c1", plan.get(0).creditCode(), plan.get(0).phone(), "改了名字的公司", "sub-e2", false),
                customer("c2", plan.get(1).creditCode(), "13900000000", plan.get(1).name(), null, true),
                customer("c3", "91000000000000000X", plan.get(2).phone(), plan.get(2).name(), "sub-w1", false));

        assertThat(DemoState.customer(plan.get(0), afterPlay)).get().extracting(c -> c.path("id").asText()).isEqualTo("c1");
        assertThat(DemoState.customer(plan.get(1), afterPlay)).get().extracting(c -> c.path("id").asText()).isEqualTo("c2");
        assertThat(DemoState.customer(plan.get(2), afterPlay)).as("credit code edited, phone kept").get()
                .extracting(c -> c.path("id").asText()).isEqualTo("c3");
        assertThat(DemoState.customer(plan.get(3), afterPlay)).as("never written").isEmpty();
    }

    @Test
    void writesMoreIntoACustomerOnlyAsItsCurrentDemoOwner() {
        assertThat(DemoState.actor(customer("c", "x", "y", "n", "sub-e2", false), USERS)).as("transferred").contains("rep-east-2");
        assertThat(DemoState.actor(customer("c", "x", "y", "n", "sub-w1", false), USERS)).as("claimed").contains("rep-west-1");
        assertThat(DemoState.actor(customer("c", "x", "y", "n", null, true), USERS)).as("released to the pool").isEmpty();
        assertThat(DemoState.actor(customer("c", "x", "y", "n", "someone-else", false), USERS)).isEmpty();
    }

    @Test
    void findsKeyPersonsRenamedOrGoneAndDealsInWhateverStageAUserLeftThem() {
        KeyPerson person = first.keyPersons().get(0);
        Opportunity deal = plan.stream().flatMap(c -> c.opportunities().stream()).findFirst().orElseThrow();
        List<JsonNode> people = List.of(node(Map.of("id", "k1", "name", "改名了", "phone", person.phone(), "active", false)));
        List<JsonNode> deals = List.of(node(Map.of("id", "d1", "name", deal.name(), "stage", "POTENTIAL", "status", "LOST")));

        assertThat(DemoState.keyPerson(person, people)).get().extracting(p -> p.path("id").asText()).isEqualTo("k1");
        assertThat(DemoState.deal(deal, deals)).get().extracting(d -> d.path("id").asText()).isEqualTo("d1");
        assertThat(DemoState.keyPerson(person, List.of())).isEmpty();
        assertThat(DemoState.deal(deal, List.of())).isEmpty();
    }

    @Test
    void logsOnlyTheVisitsWhoseClientIdIsNotThereYet() {
        List<JsonNode> logged = first.visits().stream()
                .map(v -> node(Map.of("id", "v" + v.number(), "clientId", DemoState.clientId(first, v).toString(),
                        "summary", "a user corrected this text")))
                .toList();

        assertThat(DemoState.missingVisits(first, logged)).isEmpty();
        assertThat(DemoState.missingVisits(first, logged.subList(1, logged.size()))).containsExactly(first.visits().get(0));
        assertThat(DemoState.missingVisits(first, List.of())).isEqualTo(first.visits());
        assertThat(DemoState.clientId(first, first.visits().get(0))).as("the same on every run")
                .isEqualTo(DemoState.clientId(DemoPlan.build(LocalDate.of(2026, 11, 22)).get(0), first.visits().get(0)));
    }

    private static JsonNode customer(String id, String creditCode, String phone, String name, String ownerId, boolean inPool) {
        ObjectNode node = JSON.createObjectNode().put("id", id).put("creditCode", creditCode).put("phone", phone)
                .put("name", name).put("inPool", inPool);
        return ownerId == null ? node.putNull("ownerId") : node.put("ownerId", ownerId);
    }

    private static JsonNode node(Map<String, Object> fields) {
        return JSON.valueToTree(fields);
    }
}
