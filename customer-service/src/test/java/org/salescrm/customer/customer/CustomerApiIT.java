package org.salescrm.customer.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.testsupport.TestTokens;

/** The customer API as a client sees it: statuses, problem bodies and who may see what. */
@QuarkusTest
class CustomerApiIT {

    static final String REP_EAST_1 = TestTokens.rep("rep-east-1", "east");
    static final String REP_EAST_2 = TestTokens.rep("rep-east-2", "east");
    static final String MGR_EAST = TestTokens.manager("mgr-east", "east");
    static final String MGR_WEST = TestTokens.manager("mgr-west", "west");
    static final String ADMIN = TestTokens.admin("admin");

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String create(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    static String uniqueName(String base) {
        return base + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createdCustomerBelongsToTheCallerAndIsReadable() {
        String name = uniqueName("杭州云杉科技有限公司");
        String location = as(REP_EAST_1).body(Map.of("name", name, "grade", "A", "industry", "制造业"))
                .post("/api/v1/customers")
                .then().statusCode(201)
                .body("ownerId", equalTo("rep-east-1"))
                .body("ownerTeam", equalTo("east"))
                .body("inPool", equalTo(false))
                .body("version", notNullValue())
                .extract().header("Location");

        as(REP_EAST_1).get(location).then().statusCode(200)
                .body("name", equalTo(name))
                .body("grade", equalTo("A"));
    }

    @Test
    void personalDataIsNeverStoredByCaches() {
        String id = create(REP_EAST_1, Map.of("name", uniqueName("温州鹿城眼镜"), "phone", "0577-"
                + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)));

        as(REP_EAST_1).get("/api/v1/customers/" + id).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        as(REP_EAST_1).get("/api/v1/customers").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        // The answer that says a record is out of reach is not kept either.
        as(REP_EAST_2).get("/api/v1/customers/" + id).then().statusCode(404)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void gradeDefaultsToC() {
        as(REP_EAST_1).body(Map.of("name", uniqueName("宁波海曙贸易")))
                .post("/api/v1/customers").then().statusCode(201).body("grade", equalTo("C"));
    }

    @Test
    void repCannotReadAnotherRepsCustomer() {
        String id = create(REP_EAST_1, Map.of("name", uniqueName("苏州工业园区精工")));

        as(REP_EAST_2).get("/api/v1/customers/" + id).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://salescrm.dev/problems/not-found"));
    }

    @Test
    void invisibleAndMissingCustomersAnswerAlike() {
        String id = create(REP_EAST_1, Map.of("name", uniqueName("无锡蓝海物流")));
        String invisible = as(REP_EAST_2).get("/api/v1/customers/" + id).then().statusCode(404)
                .extract().path("title");
        String missing = as(REP_EAST_2).get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404)
                .extract().path("title");
        assertThat(invisible).isEqualTo(missing);
    }

    @Test
    void managerSeesOwnTeamsCustomersButNotAnotherTeams() {
        String id = create(REP_EAST_1, Map.of("name", uniqueName("南京紫金软件")));

        as(MGR_EAST).get("/api/v1/customers/" + id).then().statusCode(200);
        as(MGR_WEST).get("/api/v1/customers/" + id).then().statusCode(404);
        as(ADMIN).get("/api/v1/customers/" + id).then().statusCode(200);
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/api/v1/customers/" + UUID.randomUUID()).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body(Map.of("name", "无令牌公司"))
                .post("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void requestWithForgedTokenIsUnauthorized() {
        String forged = REP_EAST_1.substring(0, REP_EAST_1.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        as(forged).get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void duplicateNamePointsToTheExistingCustomerEvenAcrossReps() {
        String base = uniqueName("杭州西溪");
        String id = create(REP_EAST_1, Map.of("name", base + "科技有限公司"));

        as(REP_EAST_2).body(Map.of("name", " " + base + " 科技 股份有限公司"))
                .post("/api/v1/customers").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://salescrm.dev/problems/duplicate-customer"))
                .body("existingCustomerId", equalTo(id));
    }

    /** Full-width forms of ASCII, as a Chinese input method types them. */
    static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(ch -> wide.append(ch > 0x20 && ch < 0x7F ? (char) (ch + 0xFEE0) : (char) ch));
        return wide.toString();
    }

    @Test
    void widthCaseSpacingAndLegalFormDoNotHideADuplicate() {
        String base = "Zen" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(REP_EAST_1, Map.of("name", base + " Trading Co., Ltd."));

        for (String variant : List.of(fullWidth(base.toUpperCase() + " TRADING") + " Ltd.", base.toLowerCase()
                + "trading inc", " " + base + "  Trading LLC ")) {
            as(REP_EAST_2).body(Map.of("name", variant)).post("/api/v1/customers").then()
                    .statusCode(409).body("existingCustomerId", equalTo(id));
        }
    }

    @Test
    void sameCreditCodeOrPhoneIsADuplicateWhateverTheName() {
        long n = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String creditCode = "91330100MA" + (n % 100_000_000L + 100_000_000L);
        String phone = "1" + (n % 10_000_000_000L + 30_000_000_000L);
        String id = create(REP_EAST_1, Map.of("name", uniqueName("信用代码甲"), "creditCode", creditCode.substring(0, 18),
                "phone", phone));

        as(REP_EAST_2).body(Map.of("name", uniqueName("信用代码乙"), "creditCode",
                        creditCode.substring(0, 18).toLowerCase())).post("/api/v1/customers").then()
                .statusCode(409).body("existingCustomerId", equalTo(id));
        String dialled = "+" + phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        as(REP_EAST_2).body(Map.of("name", uniqueName("电话乙"), "phone", dialled)).post("/api/v1/customers").then()
                .statusCode(409).body("existingCustomerId", equalTo(id));
    }

    @Test
    void aCustomerInThePoolIsStillADuplicate() {
        String name = uniqueName("公海中的客户");
        String owner = TestTokens.rep("rep-" + UUID.randomUUID(), "east");
        String id = create(owner, Map.of("name", name));
        as(owner).body(Map.of("reason", "不跟了")).post("/api/v1/customers/" + id + "/release").then().statusCode(200);

        as(TestTokens.rep("rep-" + UUID.randomUUID(), "west")).body(Map.of("name", name + "有限公司"))
                .post("/api/v1/customers").then().statusCode(409).body("existingCustomerId", equalTo(id));
    }

    @Test
    void phoneAndCreditCodeFormatsAreChecked() {
        as(REP_EAST_1).body(Map.of("name", uniqueName("格式"), "phone", "abc", "creditCode", "ABCDEFGHIJKLMNOPQR",
                        "grade", "E"))
                .post("/api/v1/customers").then().statusCode(422)
                .body("errors.field", contains("creditCode", "grade", "phone"))
                .body("errors.rule", contains("Pattern", "Pattern", "Pattern"));
    }

    @Test
    void twoConcurrentCreatesOfOneCompanyLeaveExactlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = uniqueName("并发创建");

            List<Integer> statuses = Concurrently.run(2,
                    () -> as(REP_EAST_1).body(Map.of("name", name)).post("/api/v1/customers").statusCode());

            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKeyReturnsTheFirstCustomer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", uniqueName("离线重试"));

        String first = as(REP_EAST_1).header("Idempotency-Key", key).body(body).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        String again = as(REP_EAST_1).header("Idempotency-Key", key).body(body).post("/api/v1/customers")
                .then().statusCode(200).extract().path("id");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void racingRetriesWithOneKeyCreateOneCustomer() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", uniqueName("并发重试"));

        List<Response> responses = Concurrently.run(2,
                () -> as(REP_EAST_1).header("Idempotency-Key", key).body(body).post("/api/v1/customers"));

        assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 200);
        assertThat(responses.get(0).<String>path("id")).isEqualTo(responses.get(1).path("id"));
    }

    @Test
    void anIdempotencyKeyBelongsToItsCaller() {
        String key = UUID.randomUUID().toString();
        String mine = as(REP_EAST_1).header("Idempotency-Key", key).body(Map.of("name", uniqueName("我的")))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String theirs = as(REP_EAST_2).header("Idempotency-Key", key).body(Map.of("name", uniqueName("他的")))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void malformedIdempotencyKeyIsNamed() {
        as(REP_EAST_1).header("Idempotency-Key", "x".repeat(201)).body(Map.of("name", uniqueName("坏键")))
                .post("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void duplicateCreditCodeIsRefused() {
        String code = "91330100" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)) + "X";
        String id = create(REP_EAST_1, Map.of("name", uniqueName("温州瓯江电气"), "creditCode", code));

        as(REP_EAST_1).body(Map.of("name", uniqueName("另一个名字"), "creditCode", code))
                .post("/api/v1/customers").then().statusCode(409).body("existingCustomerId", equalTo(id));
    }

    @Test
    void missingNameNamesTheField() {
        as(REP_EAST_1).body(Map.of("grade", "B")).post("/api/v1/customers").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.rule", hasItem("NotBlank"));
    }

    @Test
    void overlongNameAndBadGradeAreEachNamed() {
        as(REP_EAST_1).body(Map.of("name", "名".repeat(201), "grade", "D")).post("/api/v1/customers").then()
                .statusCode(422)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("grade"));
    }

    /** API.md: names ≤ 200 characters, other texts ≤ 2,000; industry, region, scale and source are other texts. */
    @Test
    void profileTextsTakeUpToTwoThousandCharacters() {
        String longest = "业".repeat(2000);
        as(REP_EAST_1).body(Map.of("name", uniqueName("长文本"), "industry", longest, "region", longest,
                        "scale", longest, "source", longest))
                .post("/api/v1/customers").then().statusCode(201).body("industry", equalTo(longest));
        as(REP_EAST_1).body(Map.of("name", uniqueName("超长文本"), "industry", longest + "业"))
                .post("/api/v1/customers").then().statusCode(422).body("errors.field", contains("industry"));
    }

    @Test
    void unknownFieldIsRejected() {
        as(REP_EAST_1).body(Map.of("name", uniqueName("未知字段"), "nickname", "x")).post("/api/v1/customers").then()
                .statusCode(400)
                .body("type", equalTo("https://salescrm.dev/problems/unknown-field"))
                .body("errors[0].field", equalTo("nickname"));
    }

    @Test
    void serverOwnedFieldsCannotBeSet() {
        as(REP_EAST_1).body(Map.of("name", uniqueName("越权"), "ownerId", "rep-east-2")).post("/api/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("ownerId"));
        as(REP_EAST_1).body(Map.of("name", uniqueName("越权"), "version", 7)).post("/api/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("version"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        as(REP_EAST_1).body("{\"name\": ").post("/api/v1/customers").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void problemDetailFollowsAcceptLanguage() {
        as(REP_EAST_1).header("Accept-Language", "zh-CN,zh;q=0.9")
                .get("/api/v1/customers/" + UUID.randomUUID()).then()
                .statusCode(404).body("title", equalTo("未找到")).body("detail", containsString("无权查看"));
        as(REP_EAST_1).header("Accept-Language", "en")
                .get("/api/v1/customers/" + UUID.randomUUID()).then()
                .statusCode(404).body("title", equalTo("Not found"));
    }

    @Test
    void listShowsVisibleCustomersPageByPage() {
        String marker = uniqueName("分页");
        String me = TestTokens.rep("rep-" + UUID.randomUUID(), "east");
        String colleague = TestTokens.rep("rep-" + UUID.randomUUID(), "east");
        for (int i = 0; i < 3; i++) {
            create(me, Map.of("name", marker + "客户" + i));
        }
        create(colleague, Map.of("name", marker + "同事的客户"));

        var first = as(me).queryParam("q", marker).queryParam("limit", 2).get("/api/v1/customers")
                .then().statusCode(200).body("items", hasSize(2)).extract();
        String next = first.path("next");
        var second = as(me).queryParam("q", marker).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/customers").then().statusCode(200).body("items", hasSize(1)).extract();

        assertThat(second.<String>path("next")).isNull();
        List<String> names = new ArrayList<>(first.<List<String>>path("items.name"));
        names.addAll(second.<List<String>>path("items.name"));
        assertThat(names).containsExactly(marker + "客户2", marker + "客户1", marker + "客户0");
    }

    @Test
    void managerListsTheTeamsCustomersOnly() {
        String marker = uniqueName("团队");
        create(TestTokens.rep("rep-" + UUID.randomUUID(), "east"), Map.of("name", marker + "东区"));
        create(TestTokens.rep("rep-" + UUID.randomUUID(), "west"), Map.of("name", marker + "西区"));

        as(MGR_EAST).queryParam("q", marker).get("/api/v1/customers").then().statusCode(200)
                .body("items.name", contains(marker + "东区"));
        as(ADMIN).queryParam("q", marker).get("/api/v1/customers").then().statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void oversizePageAndForeignCursorAreRefused() {
        as(REP_EAST_1).queryParam("limit", 201).get("/api/v1/customers").then()
                .statusCode(422).body("errors[0].field", equalTo("limit"));
        as(REP_EAST_1).queryParam("cursor", "not-ours").get("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void callerOverTheRateLimitIsToldWhenToRetry() throws Exception {
        String token = TestTokens.rep("rep-" + UUID.randomUUID(), "east");
        Response response = null;
        // In parallel batches: one request at a time on a loaded machine may never outrun the refill.
        for (int i = 0; i < 20 && (response == null || response.statusCode() != 429); i++) {
            List<Response> batch = Concurrently.run(20, () -> as(token).get("/api/v1/customers/" + UUID.randomUUID()));
            response = batch.stream().filter(r -> r.statusCode() == 429).findFirst().orElse(batch.get(0));
        }

        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        as(REP_EAST_2).get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void queryParametersOfTheWrongFormAreNamed() {
        as(REP_EAST_1).queryParam("limit", "ten").get("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        as(REP_EAST_1).queryParam("pool", "maybe").get("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("pool"));
        String tampered = new Cursor("yesterday", UUID.randomUUID()).encode();
        as(REP_EAST_1).queryParam("cursor", tampered).get("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void emptyBodyIsMalformed() {
        as(REP_EAST_1).post("/api/v1/customers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://salescrm.dev/problems/malformed-json"));
    }

    @Test
    void bodyOverOneMegabyteIsRefusedWithAProblem() {
        as(REP_EAST_1).body(Map.of("name", "大", "address", "地".repeat(600_000))).post("/api/v1/customers").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("maxBytes", equalTo(1_048_576));
    }

    @Test
    void userWithoutASalesRoleIsForbidden() {
        String roleless = TestTokens.token("svc-" + UUID.randomUUID(), "east", List.of(), List.of());

        as(roleless).get("/api/v1/customers").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void tokenIssuedForAnotherClientIsRefused() {
        as(TestTokens.forAnotherClient("rep-east-1", "east")).get("/api/v1/customers").then().statusCode(401);
    }
}
