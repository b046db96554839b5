package org.salescrm.goal.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.goal.Api.actual;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.publish;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/** The period's board (销售之星), ranked on the metric, within the caller's reach. */
@QuarkusTest
class LeaderboardIT {

    @Test
    void repsAreRankedByTheirActualWithEqualActualsSharingARank() {
        String team = unique("team");
        String manager = TestTokens.manager(unique("mgr"), team);
        String r1 = "a-" + unique("rep");
        String r2 = "b-" + unique("rep");
        String r3 = "c-" + unique("rep");
        String r4 = "d-" + unique("rep");
        String g3 = setGoal(manager, goal("2034-Q1", "REVENUE", "REP", r3, 1000, null));
        setGoal(manager, goal("2034-Q1", "REVENUE", "REP", r4, 2000, null));
        publish(TestEvents.won(r1, team, UUID.randomUUID(), "500", LocalDate.of(2034, 1, 5), null),
                TestEvents.won(r2, team, UUID.randomUUID(), "900", LocalDate.of(2034, 2, 5), null),
                TestEvents.won(r3, team, UUID.randomUUID(), "200", LocalDate.of(2034, 3, 5), null),
                TestEvents.won(r3, team, UUID.randomUUID(), "300", LocalDate.of(2034, 3, 6), null),
                // outside the period: not on this board
                TestEvents.won(r4, team, UUID.randomUUID(), "5000", LocalDate.of(2034, 4, 1), null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(actual(manager, g3)).isEqualByComparingTo("500"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as(manager)
                .get("/api/v1/leaderboards?period=2034-Q1&metric=REVENUE&team=" + team).then().statusCode(200)
                .extract().<List<String>>path("items.repId")).containsExactly(r2, r1, r3, r4));

        as(TestTokens.rep(r1, team)).get("/api/v1/leaderboards?period=2034-Q1&metric=REVENUE").then()
                .statusCode(200)
                .body("items.rank", equalTo(List.of(1, 2, 2, 4)))
                .body("items.repId", equalTo(List.of(r2, r1, r3, r4)))
                .body("items[0].team", equalTo(team))
                .body("items[0].actual", number("900"))
                .body("items[0].target", nullValue())
                .body("items[2].target", number("1000"))
                .body("items[2].achievementRate", number("0.5"))
                .body("items[3].actual", number("0"));

        as(TestTokens.rep(unique("rep"), unique("team")))
                .get("/api/v1/leaderboards?period=2034-Q1&metric=REVENUE&team=" + team).then().statusCode(200)
                .body("items", empty());
        as(TestTokens.manager(unique("mgr"), unique("team")))
                .get("/api/v1/leaderboards?period=2034-Q1&team=" + team).then().statusCode(200)
                .body("items", empty());
        as(TestTokens.admin("admin")).get("/api/v1/leaderboards?period=2034-Q1&team=" + team).then()
                .statusCode(200).body("items.repId", equalTo(List.of(r2, r1, r3, r4)));
        as(manager).get("/api/v1/leaderboards?period=2034-Q5").then().statusCode(422)
                .body("errors.field", hasItem("period"));
        as(manager).get("/api/v1/leaderboards").then().statusCode(422)
                .body("errors.field", hasItem("period"));
        as(manager).get("/api/v1/leaderboards?period=2034-Q1&metric=PROFIT").then().statusCode(400)
                .body("errors.field", hasItem("metric"));
    }
}
