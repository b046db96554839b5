package org.salescrm.customer.contract;

import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.giveAllEvidence;
import static org.salescrm.customer.opportunity.Funnel.move;
import static org.salescrm.customer.opportunity.Funnel.open;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls the quote, contract and receivables tests share: a won deal, a contract with a plan, a payment. */
public final class MoneyRoad {

    private MoneyRoad() {
    }

    /** A customer of the rep and a deal of theirs moved to WON with all its evidence. */
    public record WonDeal(String customerId, String opportunityId) {
    }

    public static WonDeal wonDeal(String token) {
        String customerId = customer(token);
        String id = open(token, customerId);
        giveAllEvidence(token, customerId, id);
        move(token, id, Map.of("stage", "WON")).statusCode(200);
        return new WonDeal(customerId, id);
    }

    /** A contract body signed on {@code signedOn}, one instalment per due date and amount, adding up. */
    public static Map<String, Object> contractBody(LocalDate signedOn, Object... dueOnThenAmount) {
        List<Map<String, Object>> plan = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < dueOnThenAmount.length; i += 2) {
            long amount = ((Number) dueOnThenAmount[i + 1]).longValue();
            plan.add(Map.of("dueOn", dueOnThenAmount[i].toString(), "amount", amount));
            total += amount;
        }
        return Map.of("number", "HT-" + UUID.randomUUID(), "signedOn", signedOn.toString(), "amount", total,
                "instalments", plan);
    }

    /** Signs the deal's contract and returns its id. */
    public static String contract(String token, String opportunityId, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/opportunities/" + opportunityId + "/contract")
                .then().statusCode(201).extract().path("id");
    }

    /** The contract's instalment ids in plan order. */
    public static List<String> instalmentIds(String token, String contractId) {
        return as(token).get("/api/v1/contracts/" + contractId).then().statusCode(200)
                .extract().path("instalments.id");
    }

    public static Map<String, Object> payment(String instalmentId, LocalDate receivedOn, Object amount) {
        return Map.of("instalmentId", instalmentId, "receivedOn", receivedOn.toString(), "amount", amount);
    }
}
