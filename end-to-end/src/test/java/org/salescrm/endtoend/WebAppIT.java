package org.salescrm.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.testsupport.TestTokens;

/**
 * The packaged web app in Debian's Chromium (driven by playwright-core, src/test/browser), on the four
 * packaged services, the real broker and the real database. The web app runs with test login on:
 * the page starts with a test token instead of a Keycloak login (KeycloakLoginIT covers that).
 */
class WebAppIT {

    private static final String TEAM = "east";
    private static final String MANAGER = TestTokens.manager("mgr-east", TEAM);
    private static final String REP = TestTokens.rep("rep-east-1", TEAM);
    private static final String WEST_REP = TestTokens.rep("rep-west-1", "west");
    private static final String ADMIN = TestTokens.admin("admin");
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    static ServiceProcess web;
    static Map<String, ServiceProcess> services = new LinkedHashMap<>();
    static Map<String, Object> settings;
    static String visitedCustomer;

    @BeforeAll
    static void start() {
        // The web app's port is chosen first: the services allow its origin (CORS).
        web = ServiceProcess.of("web", Path.of("..", "web", "target", "quarkus-app"), Path.of("target", "e2e-logs", "web.log"));
        Map<String, String> cors = Map.of("quarkus.http.cors.origins", web.baseUrl());
        ExecutorService starters = Executors.newFixedThreadPool(4);
        Map<String, CompletableFuture<ServiceProcess>> starting = new LinkedHashMap<>();
        for (String name : List.of("customer", "visit", "target", "analytics")) {
            starting.put(name, CompletableFuture.supplyAsync(
                    () -> RunningServices.start(name + "-service", "web_" + name, cors), starters));
        }
        CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        starters.shutdown();
        starting.forEach((name, future) -> {
            if (!future.isCompletedExceptionally()) {
                services.put(name, future.join());
            }
        });
        CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new)).join();
        web.with("crm.web.test-login", "true")
                .with("crm.web.oidc.authority", "http://localhost:1/realms/crm");
        services.forEach((name, service) -> web.with("crm.web.api." + name, service.baseUrl()));
        web.start();
        settings = prepareData();
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
        services.values().forEach(ServiceProcess::close);
    }

    @Test
    void aManagerSeesTheirTeamsAlertsAndNotAnotherTeams() {
        browser("teamAlerts");
    }

    @Test
    void anAlertRaisedByABackdatedStalledDealAppearsWithoutAReload() {
        browser("liveAlert");
    }

    @Test
    void aDragThatLacksEvidenceIsRefusedWithTheMissingItemsShownAndTheCardStays() {
        browser("refusedDrag");
        String stage = as(MANAGER).get(url("customer", "/api/v1/opportunities/" + opportunity("bare")))
                .then().statusCode(200).extract().path("stage");
        assertThat(stage).isEqualTo("TARGET");
    }

    @Test
    void theLanguageSwitchChangesHeadingsAndNumberFormats() {
        browser("languageSwitch");
    }

    @Test
    void aVisitLoggedOfflineIsSentOnceWhenTheNetworkReturns() {
        browser("offlineVisit");
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(visitsOf(visitedCustomer)).isEqualTo(1));
    }

    @Test
    void everyPageInBothLanguagesIsScreenshotAndNoneIsBlank() throws IOException {
        browser("screenshots");
        for (String page : List.of("alerts", "funnel", "team", "goals", "customer", "today")) {
            for (String lang : List.of("en", "zh-CN")) {
                Path file = SCREENSHOTS.resolve(page + "-" + lang + ".png");
                assertThat(file).as(page + " in " + lang).isRegularFile();
                assertThat(colours(ImageIO.read(file.toFile()))).as(file + " has content").isGreaterThan(16);
            }
        }
    }

    /** The test data: customers of both teams, two deals backdated past their close date (alerts), one bare deal. */
    private static Map<String, Object> prepareData() {
        LocalDate today = LocalDate.now(BUSINESS_ZONE);
        String east = customer(REP, "杭州西湖明远贸易有限公司");
        String west = customer(WEST_REP, "成都锦江蓉城电子有限公司");
        String live = customer(REP, "宁波北仑海通物流有限公司");
        visitedCustomer = customer(REP, "绍兴柯桥锦绣纺织有限公司");
        String ownAlertDeal = backdatedDeal(REP, east, today);
        String otherAlertDeal = backdatedDeal(WEST_REP, west, today);
        String bare = as(REP).body(Map.of("customerId", east, "name", "智能仓储一期", "amount", 1234567,
                        "expectedCloseDate", today.plusDays(60).toString()))
                .post(url("customer", "/api/v1/opportunities")).then().statusCode(201).extract().path("id");
        // The rep's plan for today holds the customer the offline visit is for, once visit-service has it.
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> as(REP)
                .body(Map.of("customerIds", List.of(visitedCustomer)))
                .put(url("visit", "/api/v1/visit-plans/" + today)).statusCode() == 200);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webUrl", web.baseUrl());
        data.put("team", TEAM);
        data.put("screenshots", SCREENSHOTS.toString());
        data.put("tokens", Map.of("manager", MANAGER, "rep", REP));
        Map<String, String> apis = new LinkedHashMap<>();
        services.forEach((name, service) -> apis.put(name, service.baseUrl()));
        data.put("apis", apis);
        data.put("customers", Map.of("live", live, "visited", visitedCustomer));
        data.put("opportunities", Map.of("bare", bare));
        data.put("alerts", Map.of("own", alertOf(ownAlertDeal), "other", alertOf(otherAlertDeal)));
        return data;
    }

    private static String customer(String token, String name) {
        return as(token).body(Map.of("name", name, "grade", "A"))
                .post(url("customer", "/api/v1/customers")).then().statusCode(201).extract().path("id");
    }

    /** Opened 40 days ago and 5 days past its expected close: analytics raises a stalled-opportunity alert. */
    private static String backdatedDeal(String token, String customer, LocalDate today) {
        return as(token).body(Map.of("customerId", customer, "name", "旧厂房改造", "amount", 300000,
                        "openedOn", today.minusDays(40).toString(), "expectedCloseDate", today.minusDays(5).toString()))
                .post(url("customer", "/api/v1/opportunities")).then().statusCode(201).extract().path("id");
    }

    private static String alertOf(String opportunity) {
        String[] id = new String[1];
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> items = as(ADMIN).queryParam("status", "OPEN").queryParam("limit", 200)
                    .get(url("analytics", "/api/v1/alerts")).then().statusCode(200).extract().jsonPath().getList("items");
            items.stream().filter(a -> opportunity.equals(a.get("subjectId"))).findFirst()
                    .ifPresent(a -> id[0] = (String) a.get("id"));
            return id[0] != null;
        });
        return id[0];
    }

    @SuppressWarnings("unchecked")
    private static String opportunity(String name) {
        return ((Map<String, String>) settings.get("opportunities")).get(name);
    }

    private static int visitsOf(String customer) {
        return as(REP).queryParam("customerId", customer).get(url("visit", "/api/v1/visits"))
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    private static void browser(String name) {
        BrowserCases.run(name, settings);
    }

    /** Distinct colours in the image, counted up to a point: one means a blank page. */
    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight() && seen.size() <= 256; y += 3) {
            for (int x = 0; x < image.getWidth() && seen.size() <= 256; x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static String url(String service, String path) {
        return services.get(service).baseUrl() + path;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
