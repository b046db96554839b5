package org.salescrm.customer.receivable;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.salescrm.customer.contract.MoneyRoad.contract;
import static org.salescrm.customer.contract.MoneyRoad.contractBody;
import static org.salescrm.customer.contract.MoneyRoad.instalmentIds;
import static org.salescrm.customer.contract.MoneyRoad.payment;
import static org.salescrm.customer.contract.MoneyRoad.wonDeal;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.today;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.contract.MoneyRoad.WonDeal;
import org.salescrm.testsupport.TestTokens;

/**
 * The aging report (账龄) on a hand-checked set: one rep's two contracts with instalments due 10, 45, 75 and
 * 120 days ago, and one on each bucket's edge (30, 31, 90, 91 days ago, and today, which is not overdue yet).
 * Each test's rep and team are new, so the figures are theirs alone.
 */
@QuarkusTest
class ReceivablesReportIT {

    @Test
    void unpaidInstalmentsAgeIntoTheirBucketsByDaysOverdue() {
        String team = "aging-" + UUID.randomUUID().toString().substring(0, 8);
        String repId = "rep-" + UUID.randomUUID();
        String rep = TestTokens.rep(repId, team);
        LocalDate today = today();
        WonDeal first = wonDeal(rep);
        String firstContract = contract(rep, first.opportunityId(), contractBody(today.minusDays(150),
                today.minusDays(10), 1000, today.minusDays(45), 2000, today.minusDays(75), 3000,
                today.minusDays(120), 4000, today.plusDays(30), 5000));
        WonDeal second = wonDeal(rep);
        String secondContract = contract(rep, second.opportunityId(), contractBody(today.minusDays(100),
                today.minusDays(30), 100, today.minusDays(31), 200, today.minusDays(90), 300,
                today.minusDays(91), 400, today, 50));
        // 500 of the 45-days-old 2000 came in.
        List<String> plan = instalmentIds(rep, firstContract);
        as(rep).body(payment(plan.get(1), today.minusDays(2), 500))
                .post("/api/v1/contracts/" + firstContract + "/payments").then().statusCode(201);

        // 0-30: 1000 (10 days) + 100 (30 days); 31-60: 1500 (45) + 200 (31); 61-90: 3000 (75) + 300 (90);
        // 90+: 4000 (120) + 400 (91). Not due yet: 5000 in 30 days, and 50 due today.
        as(rep).get("/api/v1/reports/receivables").then().statusCode(200)
                .body("asOf", equalTo(today.toString()))
                .body("buckets.bucket", contains("0-30", "31-60", "61-90", "90+"))
                .body("buckets.amount", contains(1100, 1700, 3300, 4400))
                .body("buckets.count", contains(2, 2, 2, 2))
                .body("overdueTotal", equalTo(10500))
                .body("overdue.daysOverdue", contains(120, 91, 90, 75, 45, 31, 30, 10))
                .body("overdue.outstanding", contains(4000, 400, 300, 3000, 1500, 200, 100, 1000))
                .body("overdue.bucket", contains("90+", "90+", "61-90", "61-90", "31-60", "31-60", "0-30", "0-30"))
                .body("overdue.contractId", contains(firstContract, secondContract, secondContract, firstContract,
                        firstContract, secondContract, secondContract, firstContract))
                .body("overdue.customerId[0]", equalTo(first.customerId()))
                .body("overdue.ownerId", everyItem(equalTo(repId)))
                .body("overdue.customerName[0]", startsWith("漏斗客户"));

        // Paying the 120-days-old instalment in full takes it off the report.
        as(rep).body(payment(plan.get(3), today, 4000)).post("/api/v1/contracts/" + firstContract + "/payments")
                .then().statusCode(201);
        as(rep).get("/api/v1/reports/receivables?customerId=" + first.customerId()).then().statusCode(200)
                .body("buckets.amount", contains(1000, 1500, 3000, 0))
                .body("overdue.daysOverdue", contains(75, 45, 10));
    }

    @Test
    void theReportIsScopedLikeEverythingElse() {
        String team = "aging-" + UUID.randomUUID().toString().substring(0, 8);
        String repId = "rep-" + UUID.randomUUID();
        String rep = TestTokens.rep(repId, team);
        WonDeal deal = wonDeal(rep);
        String contractId = contract(rep, deal.opportunityId(), contractBody(today().minusDays(60),
                today().minusDays(40), 700));
        Map<String, String> byOwner = Map.of("ownerId", repId);

        // The rep's manager sees the overdue instalment; so does an admin asking for the team.
        as(TestTokens.manager("mgr-" + UUID.randomUUID(), team)).queryParams(byOwner).get("/api/v1/reports/receivables")
                .then().statusCode(200).body("overdue.contractId", contains(contractId))
                .body("buckets.amount", contains(0, 700, 0, 0));
        as(TestTokens.admin("admin-" + UUID.randomUUID())).queryParam("team", team).get("/api/v1/reports/receivables")
                .then().statusCode(200).body("overdue.contractId", contains(contractId));

        // A teammate, another team's rep and another team's manager see nothing of it, even asking by name.
        for (String outsider : List.of(TestTokens.rep("rep-" + UUID.randomUUID(), team),
                TestTokens.rep("rep-" + UUID.randomUUID(), "other-" + team),
                TestTokens.manager("mgr-" + UUID.randomUUID(), "other-" + team))) {
            as(outsider).queryParams(byOwner).get("/api/v1/reports/receivables").then().statusCode(200)
                    .body("overdue", empty()).body("overdueTotal", equalTo(0))
                    .body("buckets.amount", contains(0, 0, 0, 0));
            as(outsider).queryParam("customerId", deal.customerId()).get("/api/v1/reports/receivables").then()
                    .statusCode(200).body("overdue", empty());
        }
    }
}
