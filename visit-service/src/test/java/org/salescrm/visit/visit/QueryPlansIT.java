package org.salescrm.visit.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.visit.Fixtures;

/**
 * Hibernate plans each query text once. A native select that missed its cached plan on every run (the advisory lock
 * every write takes) filled the plan cache with copies under one hash, and each lookup scanned them all.
 */
@QuarkusTest
class QueryPlansIT {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        Fixtures.kafka();
    }

    @Test
    void loggingMoreVisitsPlansNoMoreQueries() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            logVisits(customer, 3);
            long missesAfterFirst = statistics.getQueryPlanCacheMissCount();

            logVisits(customer, 20);

            // The leak planned once per visit (21 here); a query the consumers or the relay run for the first time
            // meanwhile may add one.
            assertThat(statistics.getQueryPlanCacheMissCount() - missesAfterFirst)
                    .as("plans made while logging 20 more visits of the same shape")
                    .isLessThan(5);
            assertThat(statistics.getQueryPlanCacheHitCount()).isPositive();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private static void logVisits(UUID customer, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = VisitApiIT.visit(customer);
            body.put("clientId", UUID.randomUUID().toString());
            as(REP_EAST_1).body(body).post("/api/v1/visits").then().log().ifValidationFails().statusCode(201);
        }
    }
}
