package org.salescrm.customer.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.PublishedEvents;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.testsupport.TestTokens;

/** CSV import: one report entry per row; bad and duplicate rows never stop the good ones. */
@QuarkusTest
class CustomerImportIT {

    final String rep = "rep-" + UUID.randomUUID();
    final String token = TestTokens.rep(rep, "east");
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String digits = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));

    private ValidatableResponse upload(String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/customers/imports").then();
    }

    @Test
    void eachRowIsReportedCreatedDuplicateOrInvalid() {
        String existing = given().auth().oauth2(TestTokens.rep("rep-" + UUID.randomUUID(), "west"))
                .contentType("application/json").body(Map.of("name", "已存在" + tag + "有限公司"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String csv = String.join("\n",
                "name,phone,creditCode,grade,industry,address",
                "苏州吴中" + tag + "科技有限公司,0512-" + digits + ",,A,软件,\"苏州市, 吴中区\"",
                "已存在" + tag + ",,,,,",
                "坏数据" + tag + ",call me,123,D,,",
                "",
                "苏州吴中" + tag + "科技股份有限公司,,,,,",
                ",,,B,,",
                "无锡新吴" + tag + ",,,,制造业,");

        ValidatableResponse report = upload(csv).statusCode(200)
                .body("created", equalTo(2)).body("duplicates", equalTo(2)).body("invalid", equalTo(2))
                .body("rows.row", contains(2, 3, 4, 6, 7, 8))
                .body("rows.status", contains("created", "duplicate", "invalid", "duplicate", "invalid", "created"))
                .body("rows[1].existingCustomerId", equalTo(existing))
                .body("rows[2].errors.field", contains("creditCode", "grade", "phone"))
                .body("rows[4].errors.field", contains("name"))
                .body("rows[4].errors.rule", contains("NotBlank"));
        String first = report.extract().path("rows[0].customerId");
        report.body("rows[3].existingCustomerId", equalTo(first)).body("rows[3].customerId", nullValue());

        given().auth().oauth2(token).get("/api/v1/customers/" + first).then().statusCode(200)
                .body("ownerId", equalTo(rep)).body("grade", equalTo("A")).body("address", equalTo("苏州市, 吴中区"))
                .body("name", equalTo("苏州吴中" + tag + "科技有限公司"));
        given().auth().oauth2(token).get("/api/v1/customers/" + first + "/history").then()
                .body("items.change", contains("CREATED"));
        String last = report.extract().path("rows[5].customerId");
        given().auth().oauth2(token).get("/api/v1/customers/" + last).then().statusCode(200)
                .body("grade", equalTo("C")).body("industry", equalTo("制造业"));
    }

    @Test
    void aHeaderWithUnknownColumnsOrWithoutNameIsRefusedWhole() {
        upload("name,salesman\n杭州" + tag + ",rep-east-2\n").statusCode(400)
                .body("errors.field", hasItem("salesman"));
        upload("industry\n软件\n").statusCode(400).body("errors.field", hasItem("name"));
        upload("").statusCode(400).body("type", equalTo("https://salescrm.dev/problems/import-columns"));
    }

    @Test
    void aFileOverTheRowLimitIsRefusedBeforeAnythingIsCreated() {
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 0; i < 1001; i++) {
            csv.append("超限").append(tag).append('-').append(i).append('\n');
        }
        upload(csv.toString()).statusCode(413).body("errors[0].field", equalTo("rows"));
        given().auth().oauth2(token).queryParam("q", "超限" + tag).get("/api/v1/customers").then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void importNeedsASalesRole() {
        given().contentType("text/csv").body("name\nx\n").post("/api/v1/customers/imports").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("svc-" + tag, "east", java.util.List.of(), java.util.List.of()))
                .contentType("text/csv").body("name\nx\n").post("/api/v1/customers/imports").then()
                .statusCode(403).body("type", notNullValue());
    }

    @Test
    void aGb18030FileFromAChineseSpreadsheetIsReadAsChinese() {
        String name = "深圳南山" + tag + "电子有限公司";
        byte[] gb = ("name,industry,address\n" + name + ",电子,深圳市南山区粤海街道\n").getBytes(CsvText.SPREADSHEET_DEFAULT);

        String id = uploadBytes(gb, "text/csv").statusCode(200)
                .body("created", equalTo(1)).extract().path("rows[0].customerId");

        given().auth().oauth2(token).get("/api/v1/customers/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("industry", equalTo("电子")).body("address", equalTo("深圳市南山区粤海街道"));
    }

    @Test
    void aDeclaredCharsetIsHonouredWhenTheFileIsNotUtf8() {
        String name = "广州天河" + tag + "贸易有限公司";
        byte[] gbk = ("name\n" + name + "\n").getBytes(java.nio.charset.Charset.forName("GBK"));

        String id = uploadBytes(gbk, "text/csv; charset=GBK").statusCode(200)
                .body("created", equalTo(1)).extract().path("rows[0].customerId");

        given().auth().oauth2(token).get("/api/v1/customers/" + id).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void aUtf8FileWithAByteOrderMarkReadsItsHeader() {
        String name = "成都高新" + tag + "软件有限公司";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ("name,grade\n" + name + ",B\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, file, bom.length, text.length);

        uploadBytes(file, "text/csv").statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(token).queryParam("q", name).get("/api/v1/customers").then()
                .body("items.name", contains(name)).body("items.grade", contains("B"));
    }

    @Test
    void aLatin1LabelTellsNothingAndTheFileIsStillReadAsGb18030() {
        String name = "厦门思明" + tag + "有限公司";
        byte[] gb = ("name\n" + name + "\n").getBytes(CsvText.SPREADSHEET_DEFAULT);

        uploadBytes(gb, "text/csv; charset=ISO-8859-1").statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(token).queryParam("q", name).get("/api/v1/customers").then()
                .body("items.name", contains(name));
    }

    @Test
    void bytesThatAreNoTextAreRefusedAndNothingIsStored() {
        byte[] garbage = {'n', 'a', 'm', 'e', '\n', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, 'x', (byte) 0x81, '\n'};

        uploadBytes(garbage, "text/csv").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://salescrm.dev/problems/import-encoding"))
                .body("detail", org.hamcrest.Matchers.containsString("GB18030"))
                .body("errors.field", contains("body"))
                .body("errors.rule", contains("encoding"));
        given().auth().oauth2(token).queryParam("ownerId", rep).get("/api/v1/customers").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aFileCarryingReplacementCharactersIsRefused() {
        uploadBytes(("name\n坏\uFFFD" + tag + "\n").getBytes(StandardCharsets.UTF_8), "text/csv").statusCode(400)
                .body("errors.rule", contains("encoding"));
        given().auth().oauth2(token).queryParam("ownerId", rep).get("/api/v1/customers").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    /** The bytes as they are, and the Content-Type as written: no charset added by the client. */
    private ValidatableResponse uploadBytes(byte[] body, String contentType) {
        return given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType(contentType).body(body).post("/api/v1/customers/imports").then();
    }

    @Test
    void aRowIsCreatedForItsOwnerWhoGetsTheCreditNotTheImportingManager() {
        String manager = "mgr-" + UUID.randomUUID();
        String owner = "rep-" + UUID.randomUUID();
        String csv = String.join("\n",
                "name,ownerId,ownerTeam",
                "南京江宁" + tag + "有限公司," + owner + ",east",
                "合肥蜀山" + tag + "有限公司,,",
                "宁波北仑" + tag + "有限公司," + owner + ",west");
        ValidatableResponse report = given().auth().oauth2(TestTokens.manager(manager, "east"))
                .contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/imports").then().statusCode(200)
                .body("rows.status", contains("created", "created", "invalid"))
                .body("rows[2].errors.field", contains("ownerTeam"));
        String forRep = report.extract().path("rows[0].customerId");
        String forManager = report.extract().path("rows[1].customerId");

        given().auth().oauth2(TestTokens.rep(owner, "east")).get("/api/v1/customers/" + forRep).then()
                .statusCode(200).body("ownerId", equalTo(owner)).body("ownerTeam", equalTo("east"));
        CustomerCreated created = PublishedEvents.await(forRep, CustomerCreated.class, 1).get(0);
        assertThat(created.ownerId()).isEqualTo(owner);
        assertThat(created.ownerTeam()).isEqualTo("east");
        assertThat(created.createdBy()).isEqualTo(manager);
        assertThat(PublishedEvents.await(forManager, CustomerCreated.class, 1).get(0).ownerId()).isEqualTo(manager);
    }

    @Test
    void aRepImportsForThemselvesOnly() {
        upload("name,ownerId\n嘉兴" + tag + "有限公司,rep-east-2\n绍兴" + tag + "有限公司," + rep + "\n")
                .statusCode(200)
                .body("rows.status", contains("invalid", "created"))
                .body("rows[0].errors.field", contains("ownerId"))
                .body("rows[0].errors.rule", contains("self"));
    }
}
