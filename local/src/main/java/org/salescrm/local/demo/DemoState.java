package org.salescrm.local.demo;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.salescrm.local.demo.DemoPlan.Customer;
import org.salescrm.local.demo.DemoPlan.KeyPerson;
import org.salescrm.local.demo.DemoPlan.Opportunity;
import org.salescrm.local.demo.DemoPlan.Visit;

/**
 * What of the demo exists, as an admin reads it, matched to the plan by natural keys, so that a second load after
 * a user has played with the demo writes only what is missing and changes nothing that is there. A customer is
 * found by its credit code or phone (a user may rename, transfer, release or claim it), a key person by name or
 * phone within its customer, a deal by name within its customer (whatever stage a user moved it to), a visit by
 * the {@code clientId} the loader gave it.
 */
final class DemoState {

    private DemoState() {
    }

    static Optional<JsonNode> customer(Customer planned, List<JsonNode> existing) {
        return existing.stream().filter(c -> planned.creditCode().equals(c.path("creditCode").asText(null))).findFirst()
                .or(() -> existing.stream().filter(c -> planned.phone().equals(c.path("phone").asText(null))).findFirst());
    }

    static Optional<JsonNode> keyPerson(KeyPerson planned, List<JsonNode> existing) {
        return existing.stream().filter(p -> planned.name().equals(p.path("name").asText(null))
                || Objects.equals(planned.phone(), p.path("phone").asText(null))).findFirst();
    }

    static Optional<JsonNode> deal(Opportunity planned, List<JsonNode> existing) {
        return existing.stream().filter(d -> planned.name().equals(d.path("name").asText(null))).findFirst();
    }

    static List<Visit> missingVisits(Customer planned, List<JsonNode> existing) {
        Set<String> logged = new HashSet<>();
        existing.forEach(v -> logged.add(v.path("clientId").asText("")));
        return planned.visits().stream().filter(v -> !logged.contains(clientId(planned, v).toString())).toList();
    }

    /** The same on every run, so the visit-service also refuses to log a planned visit twice. */
    static UUID clientId(Customer customer, Visit visit) {
        return uuid("visit", customer.key(), String.valueOf(visit.number()));
    }

    /**
     * Who writes what is missing into an existing customer: its owner, when that is a demo user (the customer may
     * have been transferred or claimed since); nobody while it is in the public pool, or owned by someone else.
     */
    static Optional<String> actor(JsonNode customer, Map<String, String> demoUserBySubject) {
        if (customer.path("inPool").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.ofNullable(demoUserBySubject.get(customer.path("ownerId").asText("")));
    }

    static UUID uuid(String... parts) {
        return UUID.nameUUIDFromBytes(("salescrm-demo/" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8));
    }
}
