package org.salescrm.local.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.salescrm.local.demo.Api.Response;
import org.salescrm.local.demo.Api.SectionFailed;
import org.salescrm.local.demo.DemoPlan.Customer;
import org.salescrm.local.demo.DemoPlan.KeyPerson;
import org.salescrm.local.demo.DemoPlan.Opportunity;
import org.salescrm.local.demo.DemoPlan.Visit;

/**
 * Writes the demo organisation ({@link DemoPlan}) through the services' public APIs with the demo users' real
 * tokens. Safe to run again: customers and goals are found again through their 409 duplicates, visits carry a
 * fixed {@code clientId}, other creates an {@code Idempotency-Key} and a look-up first. A section whose API is
 * missing or refuses is skipped with a warning naming the call and its status; the others still run.
 */
public final class DemoLoader {

    private static final String CUSTOMERS = "http://localhost:8081/api/v1";
    private static final String VISITS = "http://localhost:8082/api/v1";
    private static final String TARGETS = "http://localhost:8083/api/v1";
    private static final String ANALYTICS = "http://localhost:8084/api/v1";

    private final PrintStream out;
    private final Api api;
    private final LocalDate today;
    private final List<String> warnings = new ArrayList<>();
    /** Ids the services gave, by plan key: customers, key persons (by customer), opportunities (by customer). */
    private final Map<String, String> customerIds = new HashMap<>();
    private final Map<String, List<String>> decisionMakers = new HashMap<>();
    private final Map<String, List<String>> openDeals = new HashMap<>();

    public DemoLoader(PrintStream out, Function<String, String> tokenOf, LocalDate today) {
        this.out = out;
        this.api = new Api(tokenOf);
        this.today = today;
    }

    /** Loads everything; returns the warnings (empty when every section went through). */
    public List<String> load() {
        long began = System.nanoTime();
        List<Customer> plan = DemoPlan.build(today);
        say("demo data: " + plan.size() + " customers of teams east and west, as of " + today + " (Asia/Shanghai)");
        section("customers and key persons", () -> customers(plan));
        section("opportunities in every stage", () -> opportunities(plan));
        section("visits and follow-ups", () -> visits(plan));
        section("goals for " + quarter(today), this::goals);
        section("alerts and funnel (computed by analytics-service)", this::analytics);
        say(String.format("demo data: done in %.1f s%s", (System.nanoTime() - began) / 1e9,
                warnings.isEmpty() ? "" : ", " + warnings.size() + " section(s) skipped (see warnings above)"));
        return List.copyOf(warnings);
    }

    private void section(String name, Supplier<String> body) {
        try {
            say("demo data: " + name + ": " + body.get());
        } catch (SectionFailed e) {
            String warning = "demo data: " + name + " SKIPPED: " + e.getMessage();
            warnings.add(warning);
            say("WARNING " + warning);
        }
    }

    private String customers(List<Customer> plan) {
        int created = 0;
        int existing = 0;
        int people = 0;
        for (Customer customer : plan) {
            Response response = api.post(customer.owner(), CUSTOMERS + "/customers", Api.obj(
                    "name", customer.name(), "industry", customer.industry(), "region", customer.region(),
                    "scale", customer.scale(), "source", customer.source(), "phone", customer.phone(),
                    "creditCode", customer.creditCode(), "address", customer.address(), "grade", customer.grade()));
            if (response.status() == 409 && response.text("existingCustomerId") != null) {
                customerIds.put(customer.key(), response.text("existingCustomerId"));
                existing++;
            } else {
                customerIds.put(customer.key(), response.orFail().text("id"));
                created++;
            }
            people += keyPersons(customer);
        }
        return created + " created, " + existing + " already there; " + people + " key persons";
    }

    /** Key persons have no natural key in the API: the customer's list is read first, by name. */
    private int keyPersons(Customer customer) {
        String id = customerIds.get(customer.key());
        String url = CUSTOMERS + "/customers/" + id + "/key-persons";
        Map<String, JsonNode> known = new HashMap<>();
        api.get(customer.owner(), url + "?limit=200").orFail().body().path("items")
                .forEach(person -> known.put(person.path("name").asText(), person));
        List<String> deciders = new ArrayList<>();
        for (KeyPerson person : customer.keyPersons()) {
            JsonNode saved = known.get(person.name());
            if (saved == null) {
                saved = api.post(customer.owner(), url, Api.obj("name", person.name(), "title", person.title(),
                                "department", person.department(), "phone", person.phone(), "kpType", person.kpType(),
                                "buyingRole", person.buyingRole(), "attitude", person.attitude()),
                        key("key-person", customer.key(), person.name())).orFail().body();
            }
            String personId = saved.path("id").asText();
            if (person.left() && saved.path("active").asBoolean(true)) {
                api.post(customer.owner(), CUSTOMERS + "/key-persons/" + personId + "/left",
                        Api.obj("leftOn", today.minusDays(20).toString())).orFail();
            }
            if (!person.left() && "DECISION_MAKER".equals(person.kpType())) {
                deciders.add(personId);
            }
        }
        decisionMakers.put(customer.key(), deciders);
        return customer.keyPersons().size();
    }

    private String opportunities(List<Customer> plan) {
        requireCustomers();
        Map<String, Integer> byStage = new java.util.TreeMap<>();
        for (Customer customer : plan) {
            String customerId = customerIds.get(customer.key());
            Map<String, JsonNode> known = new HashMap<>();
            api.get(customer.owner(), CUSTOMERS + "/opportunities?customerId=" + customerId + "&limit=200").orFail()
                    .body().path("items").forEach(deal -> known.put(deal.path("name").asText(), deal));
            for (Opportunity deal : customer.opportunities()) {
                JsonNode saved = known.get(deal.name());
                if (saved == null) {
                    saved = createDeal(customer, customerId, deal);
                }
                saved = advance(customer.owner(), saved, deal);
                byStage.merge(deal.finalStage(), 1, Integer::sum);
                if ("OPEN".equals(saved.path("status").asText())) {
                    openDeals.computeIfAbsent(customer.key(), k -> new ArrayList<>()).add(saved.path("id").asText());
                }
            }
        }
        return byStage.values().stream().mapToInt(Integer::intValue).sum() + " deals, by final stage " + byStage;
    }

    private JsonNode createDeal(Customer customer, String customerId, Opportunity deal) {
        Map<String, Object> body = Api.obj("customerId", customerId, "name", deal.name(), "amount", deal.amount(),
                "expectedCloseDate", deal.expectedCloseDate().toString(), "productLine", deal.productLine(),
                "currency", "CNY", "openedOn", deal.openedOn().toString());
        Response response = api.post(customer.owner(), CUSTOMERS + "/opportunities", body,
                key("opportunity", customer.key(), deal.name()));
        if (response.status() == 422 && deal.expectedCloseDate().isBefore(today)) {
            // A past close date may be refused at creation: the deal is then merely late soon.
            body.put("expectedCloseDate", today.plusDays(3).toString());
            response = api.post(customer.owner(), CUSTOMERS + "/opportunities", body,
                    key("opportunity-2", customer.key(), deal.name()));
        }
        return response.orFail().body();
    }

    /** Moves the deal stage by stage (backdated), giving each gate its evidence first, then wins or loses it. */
    private JsonNode advance(String owner, JsonNode saved, Opportunity deal) {
        String id = saved.path("id").asText();
        if (!"OPEN".equals(saved.path("status").asText())) {
            return saved;
        }
        boolean lose = "LOST".equals(deal.finalStage());
        int current = DemoPlan.STAGES.indexOf(saved.path("stage").asText());
        for (int step = current + 1; step <= deal.moveDates().size(); step++) {
            String stage = DemoPlan.STAGES.get(step);
            LocalDate on = deal.moveDates().get(step - 1);
            saved = evidence(owner, saved, deal, stage, on);
            saved = api.post(owner, CUSTOMERS + "/opportunities/" + id + "/stage", Api.obj("stage", stage,
                    "occurredAt", on.atTime(LocalTime.of(10 + step, 0)).atZone(DemoPlan.ZONE).toInstant().toString()))
                    .orFail().body();
        }
        if (lose) {
            saved = api.post(owner, CUSTOMERS + "/opportunities/" + id + "/lose", Api.obj("reason", deal.lostReason()))
                    .orFail().body();
        }
        return saved;
    }

    private JsonNode evidence(String owner, JsonNode saved, Opportunity deal, String stage, LocalDate on) {
        int index = DemoPlan.STAGES.indexOf(stage);
        Map<String, Object> patch = new HashMap<>();
        if (index >= DemoPlan.STAGES.indexOf("PROJECT") && saved.path("budget").isNull()) {
            patch.put("budget", deal.amount() * 11 / 10);
        }
        if (index >= DemoPlan.STAGES.indexOf("NEGOTIATION") && saved.path("quoteAmount").isNull()) {
            patch.put("quoteAmount", deal.amount());
        }
        if ("WON".equals(stage)) {
            patch.put("contractSignedOn", on.minusDays(1).toString());
            patch.put("firstPaymentOn", on.toString());
        }
        if (patch.isEmpty()) {
            return saved;
        }
        return api.patch(owner, CUSTOMERS + "/opportunities/" + saved.path("id").asText(),
                saved.path("version").asLong(), patch).orFail().body();
    }

    private String visits(List<Customer> plan) {
        requireCustomers();
        int visits = 0;
        int effective = 0;
        int followUps = 0;
        int done = 0;
        for (Customer customer : plan) {
            List<String> deciders = decisionMakers.getOrDefault(customer.key(), List.of());
            List<String> deals = openDeals.getOrDefault(customer.key(), List.of());
            for (Visit visit : customer.visits()) {
                Map<String, Object> body = Api.obj(
                        "clientId", uuid("visit", customer.key(), String.valueOf(visit.number())).toString(),
                        "customerId", customerIds.get(customer.key()),
                        "method", visit.method(),
                        "occurredAt", visit.occurredAt().toInstant().toString(),
                        "summary", visit.summary(),
                        "purpose", visit.purpose(),
                        "purposeAchieved", visit.purposeAchieved(),
                        "durationMinutes", visit.durationMinutes(),
                        "customerFeedback", visit.feedback(),
                        "needs", visit.needs(),
                        "sentiment", visit.sentiment(),
                        "keyPersonIds", visit.metDecisionMaker() && !deciders.isEmpty() ? List.of(deciders.get(0)) : null,
                        "opportunityId", visit.forOpportunity() && !deals.isEmpty() ? deals.get(0) : null,
                        "nextAction", visit.nextAction() == null ? null : Api.obj("action", visit.nextAction().action(),
                                "dueOn", visit.occurredAt().toLocalDate().plusDays(visit.nextAction().dueAfterDays()).toString()));
                JsonNode saved = api.post(customer.owner(), VISITS + "/visits", body).orFail().body();
                visits++;
                effective += saved.path("effective").asBoolean() ? 1 : 0;
                String followUpId = saved.path("followUpId").asText(null);
                if (followUpId != null && visit.nextAction() != null) {
                    followUps++;
                    if (visit.nextAction().completed() && complete(customer.owner(), followUpId)) {
                        done++;
                    }
                }
            }
        }
        return visits + " visits (" + effective + " effective), " + followUps + " follow-ups (" + done + " done, the rest open or overdue)";
    }

    /** Completing twice (a re-run) is refused by the service; the follow-up is done either way. */
    private boolean complete(String owner, String followUpId) {
        Response response = api.post(owner, VISITS + "/follow-ups/" + followUpId + "/complete",
                Api.obj("result", "已完成，客户已确认"));
        if (response.status() == 409 || response.status() == 422) {
            return true;
        }
        response.orFail();
        return true;
    }

    /** Company, team and rep goals for the current quarter: revenue and visits, with a decomposition gap or two. */
    private String goals() {
        String period = quarter(today);
        int goals = 0;
        for (String metric : List.of("REVENUE", "VISITS")) {
            boolean revenue = metric.equals("REVENUE");
            String company = goal("admin", period, metric, "COMPANY", null, revenue ? 6_000_000 : 400, null);
            String east = goal("admin", period, metric, "TEAM", "east", revenue ? 3_600_000 : 240, company);
            String west = goal("admin", period, metric, "TEAM", "west", revenue ? 2_000_000 : 160, company);
            String r1 = goal("mgr-east", period, metric, "REP", "rep-east-1", revenue ? 1_800_000 : 120, east);
            goal("mgr-east", period, metric, "REP", "rep-east-2", revenue ? 1_500_000 : 100, east);
            String w1 = goal("mgr-west", period, metric, "REP", "rep-west-1", revenue ? 2_000_000 : 160, west);
            goals += 6;
            acknowledge("rep-east-1", r1);
            acknowledge("rep-west-1", w1);
        }
        return goals + " goals (company → teams → reps, revenue and visits), some acknowledged, east's revenue not fully decomposed";
    }

    private String goal(String user, String period, String metric, String level, String scopeId, long target, String parentId) {
        Response response = api.post(user, TARGETS + "/goals", Api.obj("period", period, "metric", metric,
                "scope", Api.obj("level", level, "id", scopeId), "target", target, "parentId", parentId));
        if (response.status() == 422 && "REP".equals(level)) {
            // target-service may not have seen the rep in an event yet: it then takes the rep's team in the scope.
            response = api.post(user, TARGETS + "/goals", Api.obj("period", period, "metric", metric,
                    "scope", Api.obj("level", level, "id", scopeId, "team", teamOf(scopeId)), "target", target,
                    "parentId", parentId));
        }
        if (response.status() == 409 && response.text("existingGoalId") != null) {
            return response.text("existingGoalId");
        }
        return response.orFail().text("id");
    }

    private static String teamOf(String rep) {
        return DemoPlan.OWNERS.stream().filter(owner -> owner.user().equals(rep)).map(DemoPlan.Owner::team)
                .findFirst().orElse(null);
    }

    private void acknowledge(String user, String goalId) {
        Response response = api.post(user, TARGETS + "/goals/" + goalId + "/acknowledge", null);
        if (response.status() != 409) {
            response.orFail();
        }
    }

    /** Reads back what analytics-service made of the events, so that the console shows the demo took effect. */
    private String analytics() {
        JsonNode funnel = api.get("mgr-east", ANALYTICS + "/reports/funnel").orFail().body();
        JsonNode alerts = api.get("mgr-east", ANALYTICS + "/alerts?status=OPEN&limit=200").orFail().body();
        return "mgr-east sees " + alerts.path("items").size() + " open alert(s) so far; funnel won "
                + funnel.path("won").asText("?") + ", lost " + funnel.path("lost").asText("?")
                + " (analytics keeps up as events arrive: re-read in a few seconds)";
    }

    private void requireCustomers() {
        if (customerIds.isEmpty()) {
            throw new SectionFailed("no customers were written (see the customers section)");
        }
    }

    static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    private static UUID uuid(String... parts) {
        return UUID.nameUUIDFromBytes(("salescrm-demo/" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8));
    }

    private static String key(String... parts) {
        return "demo-" + uuid(parts);
    }

    private void say(String line) {
        out.println("[crm] " + line);
        out.flush();
    }

}
