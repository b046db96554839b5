package org.salescrm.bench.load;

import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.salescrm.bench.data.Ids;
import org.salescrm.testsupport.TestTokens;

/**
 * The three request rows, as a rep's phone or browser sends them, each for a random loaded customer by its owner
 * (the only caller who may log a visit for it).
 */
public final class ApiRows {

    private final String customerUrl;
    private final String visitUrl;
    private final int customers;
    /** Signing is slow (RSA): one token per rep, minted once. */
    private final String[] tokens = IntStream.range(0, Ids.REPS)
            .mapToObj(rep -> TestTokens.rep("bench-rep-" + rep, Ids.TEAM)).toArray(String[]::new);

    public ApiRows(String customerServiceUrl, String visitServiceUrl, int customers) {
        this.customerUrl = customerServiceUrl + "/api/v1/customers";
        this.visitUrl = visitServiceUrl + "/api/v1/visits";
        this.customers = customers;
    }

    public ApiCall createVisit() {
        return client -> {
            int customer = randomCustomer();
            String body = """
                    {"customerId": "%s", "method": "ONSITE", "occurredAt": "%s", "purpose": "需求调研",
                     "purposeAchieved": true, "durationMinutes": 45, "sentiment": "POSITIVE",
                     "summary": "拜访客户，沟通需求与报价，约定下次演示。"}"""
                    .formatted(Ids.customer(customer), Instant.now().minus(1, ChronoUnit.HOURS));
            return ApiCall.json(client, HttpMethod.POST, visitUrl, tokenOf(customer), body);
        };
    }

    public ApiCall getCustomer() {
        return client -> {
            int customer = randomCustomer();
            return ApiCall.json(client, HttpMethod.GET, customerUrl + "/" + Ids.customer(customer), tokenOf(customer),
                    null);
        };
    }

    /** A new company each time (a duplicate name would answer 409). */
    public ApiCall createCustomer() {
        return client -> {
            String body = """
                    {"name": "压测新客户 %s", "industry": "制造业", "region": "华东", "grade": "B", "source": "展会"}"""
                    .formatted(UUID.randomUUID());
            return ApiCall.json(client, HttpMethod.POST, customerUrl, tokens[ThreadLocalRandom.current().nextInt(Ids.REPS)],
                    body);
        };
    }

    private int randomCustomer() {
        return 1 + ThreadLocalRandom.current().nextInt(customers);
    }

    private String tokenOf(int customer) {
        return tokens[customer % Ids.REPS];
    }
}
