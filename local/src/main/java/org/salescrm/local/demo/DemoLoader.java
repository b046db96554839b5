package org.salescrm.local.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.salescrm.local.DemoUsers;
import org.salescrm.local.demo.Api.Response;
import org.salescrm.local.demo.Api.SectionFailed;
import org.salescrm.local.demo.DemoPlan.Customer;
import org.salescrm.local.demo.DemoPlan.KeyPerson;
import org.salescrm.local.demo.DemoPlan.Opportunity;
import org.salescrm.local.demo.DemoPlan.Visit;

/**
 * Writes the demo organisation ({@link DemoPlan}) through the services' public APIs with the demo users' real
 * tokens. Safe to run again, also after users have played with the demo: what exists is read as admin and matched
 * by natural keys ({@link DemoState}), only what is missing is written, by the customer's current owner, and
 * nothing that exists is changed (a deal moved back stays where a user put it). A section whose API is missing or
 * refuses is skipped with a warning naming the call and its status; the others still run.
 */
public final class DemoLoader {

    private static final String CUSTOMERS = "http://localhost:8081/api/v1";
    private static final String VISITS = "http://localhost:8082/api/v1";
    private static final String TARGETS = "http://localhost:8083/api/v1";
    private static final String ANALYTICS = "http://localhost:8084/api/v1";
    private static final String ADMIN = "admin";

    private final PrintStream out;
    private final Api api;
    private final LocalDate today;
    private final List<String> warnings = new ArrayList<>();
    /** The customers as they are now, by plan key (missing: out of everyone's reach, e.g. deleted by a user). */
    private final Map<String, JsonNode> customers = new HashMap<>();
    private final Map<String, List<String>> decisionMakers = new HashMap<>();
    private final Map<String, List<String>> openDeals = new HashMap<>();
    /** Every planned deal found or made, in plan order, for the money section. */
    private final List<FoundDeal> deals = new ArrayList<>();
    private Map<String, String> demoUserBySubject = Map.of();

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
        section("organisation (regions east and west, their head, the teams' managers)", this::organisation);
        section("customers and key persons", () -> customers(plan));
        section("opportunities in every stage", () -> opportunities(plan));
        section("playbook ticks and competitors", () -> playbooksAndCompetitors(plan));
        section("quotes, contracts and payments (some overdue)", this::money);
        section("visits and follow-ups", () -> visits(plan));
        section("goals for " + quarter(today), this::goals);
        section("reviews (复盘) for " + quarter(today), this::reviews);
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
        demoUserBySubject = api.subjects(DemoUsers.USERNAMES);
        List<JsonNode> existing = new ArrayList<>(api.all(ADMIN, CUSTOMERS + "/customers?limit=200"));
        existing.addAll(api.all(ADMIN, CUSTOMERS + "/customers?pool=true&limit=200"));
        int created = 0;
        int people = 0;
        int unreachable = 0;
        for (Customer customer : plan) {
            Optional<JsonNode> found = DemoState.customer(customer, existing);
            if (found.isEmpty()) {
                found = create(customer);
                created += found.isPresent() ? 1 : 0;
            }
            if (found.isEmpty()) {
                unreachable++;
                continue;
            }
            customers.put(customer.key(), found.get());
            people += keyPersons(customer, found.get());
        }
        return created + " created, " + (plan.size() - created - unreachable) + " already there"
                + (unreachable == 0 ? "" : ", " + unreachable + " deleted by a user and left so") + "; " + people + " key persons";
    }

    /** Creates the customer as its planned owner; empty when a duplicate exists out of everyone's sight (deleted). */
    private Optional<JsonNode> create(Customer customer) {
        Response response = api.post(customer.owner(), CUSTOMERS + "/customers", Api.obj(
                "name", customer.name(), "industry", customer.industry(), "region", customer.region(),
                "scale", customer.scale(), "source", customer.source(), "phone", customer.phone(),
                "creditCode", customer.creditCode(), "address", customer.address(), "grade", customer.grade()));
        if (response.status() == 409) {
            return Optional.empty();
        }
        return Optional.of(response.orFail().body());
    }

    /** Adds the planned key persons the customer lacks; marks those who left only when it adds them. */
    private int keyPersons(Customer customer, JsonNode saved) {
        String url = CUSTOMERS + "/customers/" + saved.path("id").asText() + "/key-persons";
        List<JsonNode> existing = api.all(ADMIN, url + "?limit=200");
        Optional<String> actor = DemoState.actor(saved, demoUserBySubject);
        List<String> deciders = new ArrayList<>();
        for (KeyPerson person : customer.keyPersons()) {
            Optional<JsonNode> found = DemoState.keyPerson(person, existing);
            if (found.isEmpty() && actor.isPresent()) {
                found = Optional.of(createKeyPerson(actor.get(), customer, person, url));
            }
            found.filter(p -> p.path("active").asBoolean(true) && "DECISION_MAKER".equals(p.path("kpType").asText()))
                    .ifPresent(p -> deciders.add(p.path("id").asText()));
        }
        decisionMakers.put(customer.key(), deciders);
        return customer.keyPersons().size();
    }

    private JsonNode createKeyPerson(String actor, Customer customer, KeyPerson person, String url) {
        JsonNode saved = api.post(actor, url, Api.obj("name", person.name(), "title", person.title(),
                        "department", person.department(), "phone", person.phone(), "kpType", person.kpType(),
                        "buyingRole", person.buyingRole(), "attitude", person.attitude()),
                key("key-person", customer.key(), person.name())).orFail().body();
        if (person.left()) {
            saved = api.post(actor, CUSTOMERS + "/key-persons/" + saved.path("id").asText() + "/left",
                    Api.obj("leftOn", today.minusDays(20).toString())).orFail().body();
        }
        return saved;
    }

    private String opportunities(List<Customer> plan) {
        requireCustomers();
        Map<String, Integer> byStage = new TreeMap<>();
        int created = 0;
        for (Customer customer : plan) {
            JsonNode saved = customers.get(customer.key());
            if (saved == null) {
                continue;
            }
            List<JsonNode> existing = api.all(ADMIN, CUSTOMERS + "/opportunities?customerId=" + saved.path("id").asText() + "&limit=200");
            Optional<String> actor = DemoState.actor(saved, demoUserBySubject);
            for (Opportunity deal : customer.opportunities()) {
                Optional<JsonNode> found = DemoState.deal(deal, existing);
                if (found.isEmpty() && actor.isPresent()) {
                    found = Optional.of(advance(actor.get(), createDeal(actor.get(), customer, saved, deal), deal));
                    created++;
                }
                found.ifPresent(d -> byStage.merge(d.path("status").asText().equals("LOST") ? "LOST" : d.path("stage").asText(), 1, Integer::sum));
                found.filter(d -> "OPEN".equals(d.path("status").asText()))
                        .ifPresent(d -> openDeals.computeIfAbsent(customer.key(), k -> new ArrayList<>()).add(d.path("id").asText()));
                found.ifPresent(d -> deals.add(new FoundDeal(customer, deal, d, actor)));
            }
        }
        return byStage.values().stream().mapToInt(Integer::intValue).sum() + " deals (" + created + " created), by stage " + byStage;
    }

    private JsonNode createDeal(String actor, Customer customer, JsonNode saved, Opportunity deal) {
        Map<String, Object> body = Api.obj("customerId", saved.path("id").asText(), "name", deal.name(), "amount", deal.amount(),
                "expectedCloseDate", deal.expectedCloseDate().toString(), "productLine", deal.productLine(),
                "currency", "CNY", "openedOn", deal.openedOn().toString());
        Response response = api.post(actor, CUSTOMERS + "/opportunities", body, key("opportunity", customer.key(), deal.name()));
        if (response.status() == 422 && deal.expectedCloseDate().isBefore(today)) {
            // A past close date may be refused at creation: the deal is then merely late soon.
            body.put("expectedCloseDate", today.plusDays(3).toString());
            response = api.post(actor, CUSTOMERS + "/opportunities", body, key("opportunity-2", customer.key(), deal.name()));
        }
        return response.orFail().body();
    }

    /** Moves a new deal stage by stage (backdated), giving each gate its evidence first, then wins or loses it. */
    private JsonNode advance(String owner, JsonNode saved, Opportunity deal) {
        String id = saved.path("id").asText();
        for (int step = 1; step <= deal.moveDates().size(); step++) {
            String stage = DemoPlan.STAGES.get(step);
            LocalDate on = deal.moveDates().get(step - 1);
            saved = evidence(owner, saved, deal, stage, on);
            saved = api.post(owner, CUSTOMERS + "/opportunities/" + id + "/stage", Api.obj("stage", stage,
                    "occurredAt", on.atTime(LocalTime.of(10 + step, 0)).atZone(DemoPlan.ZONE).toInstant().toString()))
                    .orFail().body();
        }
        if ("LOST".equals(deal.finalStage())) {
            Map<String, Object> lose = Api.obj("reason", deal.lostReason());
            if (deal.lostReason().contains("竞争对手")) {
                lose.put("competitor", competitorsOf(deal).get(0));
            }
            saved = api.post(owner, CUSTOMERS + "/opportunities/" + id + "/lose", lose).orFail().body();
        }
        return saved;
    }

    /** Competitors every deal that got past POTENTIAL met, by the deal's natural key, so a reload adds only what is missing. */
    private static List<String> competitorsOf(Opportunity deal) {
        List<String> all = List.of("用友", "金蝶", "SAP", "浪潮", "鼎捷");
        int first = Math.floorMod((deal.name() + deal.openedOn()).hashCode(), all.size());
        return List.of(all.get(first), all.get((first + 2) % all.size()));
    }

    /** The hand-ticked playbook items of the stages a deal got through (the records prove the others). */
    private static final Map<String, List<String>> TICKED_ON_THE_WAY = Map.of(
            "POTENTIAL", List.of("need-noted"),
            "INTENT", List.of("need-confirmed"),
            "PROJECT", List.of("timeline", "person-in-charge"),
            "ACKNOWLEDGED", List.of("shortlisted"));

    private String playbooksAndCompetitors(List<Customer> plan) {
        requireCustomers();
        int ticks = 0;
        int competitors = 0;
        for (Customer customer : plan) {
            JsonNode saved = customers.get(customer.key());
            Optional<String> actor = saved == null ? Optional.empty() : DemoState.actor(saved, demoUserBySubject);
            if (actor.isEmpty()) {
                continue;
            }
            List<JsonNode> existing = api.all(ADMIN, CUSTOMERS + "/opportunities?customerId=" + saved.path("id").asText() + "&limit=200");
            for (Opportunity deal : customer.opportunities()) {
                Optional<JsonNode> found = DemoState.deal(deal, existing);
                if (found.isEmpty()) {
                    continue;
                }
                String url = CUSTOMERS + "/opportunities/" + found.get().path("id").asText();
                int reached = DemoPlan.STAGES.indexOf(found.get().path("stage").asText());
                for (Map.Entry<String, List<String>> stage : TICKED_ON_THE_WAY.entrySet()) {
                    if (DemoPlan.STAGES.indexOf(stage.getKey()) > reached) {
                        continue;
                    }
                    for (String item : stage.getValue()) {
                        // 409: ticked on an earlier load.
                        Response tick = api.post(actor.get(), url + "/playbook/" + item + "/done",
                                Api.obj("note", "演示数据：" + deal.name() + " 已完成"));
                        if (tick.status() != 409) {
                            tick.orFail();
                            ticks++;
                        }
                    }
                }
                if (reached >= DemoPlan.STAGES.indexOf("INTENT")) {
                    competitors += addCompetitors(actor.get(), url, deal);
                }
            }
        }
        return ticks + " playbook items ticked, " + competitors + " competitors recorded";
    }

    private int addCompetitors(String actor, String dealUrl, Opportunity deal) {
        List<String> recorded = api.get(actor, dealUrl + "/competitors").orFail().body().findValuesAsText("name");
        int added = 0;
        List<String> positions = List.of("LOWER", "SIMILAR", "HIGHER");
        for (String name : competitorsOf(deal)) {
            if (!recorded.contains(name)) {
                api.post(actor, dealUrl + "/competitors", Api.obj("name", name, "strengths", name + "：品牌知名度高，本地实施团队",
                        "weaknesses", "二次开发费用高", "pricePosition", positions.get(Math.floorMod(name.hashCode(), 3))))
                        .orFail();
                added++;
            }
        }
        return added;
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

    /** A planned deal as it is now, and who may write into it (its customer's owner, when a demo user). */
    private record FoundDeal(Customer customer, Opportunity plan, JsonNode saved, Optional<String> actor) {
    }

    /**
     * Quotes on the open deals that reached ACKNOWLEDGED (a first one) or NEGOTIATION (a second, accepted at the
     * deal's amount); a contract for every won deal, 30% due a week after signing and 70% after 60 days, and
     * payments that leave some instalments overdue. Rerunnable: a deal with quotes gets none, a contract is
     * known by its number (409 or a replayed key: already there), and payments go only into a contract just made.
     */
    private String money() {
        requireCustomers();
        int quotes = 0;
        int contracts = 0;
        int payments = 0;
        int won = 0;
        for (FoundDeal deal : deals) {
            String status = deal.saved().path("status").asText();
            String stage = deal.saved().path("stage").asText();
            if ("OPEN".equals(status) && deal.actor().isPresent()
                    && ("ACKNOWLEDGED".equals(stage) || "NEGOTIATION".equals(stage))) {
                quotes += quotes(deal, "NEGOTIATION".equals(stage));
            } else if ("WON".equals(status)) {
                Optional<JsonNode> contract = contract(deal);
                if (contract.isPresent()) {
                    contracts++;
                    payments += payments(contract.get(), won);
                }
                won++;
            }
        }
        return quotes + " quotes given, " + contracts + " contracts signed with " + payments + " payments ("
                + won + " won deals; already-signed ones kept as they are)";
    }

    private int quotes(FoundDeal deal, boolean negotiating) {
        String url = CUSTOMERS + "/opportunities/" + deal.saved().path("id").asText() + "/quotes";
        if (!api.all(ADMIN, url + "?limit=200").isEmpty()) {
            return 0;
        }
        long amount = deal.saved().path("amount").asLong();
        String product = deal.plan().productLine() == null ? "软件许可" : deal.plan().productLine();
        // The first price is 20% over the deal's amount, less 10%; the accepted one is the amount itself.
        api.post(deal.actor().get(), url, Api.obj("accepted", false, "lines", List.of(Api.obj("productLine", product,
                        "quantity", 1, "unitPrice", amount * 12 / 10, "discount", 0.1))),
                key("quote", deal.customer().key(), deal.plan().name(), "1")).orFail();
        if (!negotiating) {
            return 1;
        }
        api.post(deal.actor().get(), url, Api.obj("accepted", true, "lines", List.of(Api.obj("productLine", product,
                        "quantity", 1, "unitPrice", amount, "discount", 0))),
                key("quote", deal.customer().key(), deal.plan().name(), "2")).orFail();
        return 2;
    }

    /** The contract just made, or empty when the deal already had it. */
    private Optional<JsonNode> contract(FoundDeal deal) {
        JsonNode saved = deal.saved();
        LocalDate signedOn = LocalDate.parse(saved.path("contractSignedOn").asText(today.toString()));
        long amount = saved.path("amount").asLong();
        long first = amount * 3 / 10;
        String number = "HT-" + signedOn.getYear() + "-" + DemoState.uuid("contract", deal.customer().key(),
                deal.plan().name()).toString().substring(0, 8).toUpperCase();
        Response response = api.post(ADMIN, CUSTOMERS + "/opportunities/" + saved.path("id").asText() + "/contract",
                Api.obj("number", number, "signedOn", signedOn.toString(), "amount", amount,
                        "terms", "首付 30%，验收后 70%", "instalments", List.of(
                                Api.obj("dueOn", signedOn.plusDays(7).toString(), "amount", first),
                                Api.obj("dueOn", signedOn.plusDays(60).toString(), "amount", amount - first))),
                key("contract", deal.customer().key(), deal.plan().name()));
        if (response.status() == 409 || response.status() == 200) {
            return Optional.empty();
        }
        return Optional.of(response.orFail().body());
    }

    /**
     * The first instalment (due a week after signing) left unpaid, paid half or paid in full, by turns, so the
     * aging report has overdue money; the second paid in full once it is due.
     */
    private int payments(JsonNode contract, int index) {
        JsonNode plan = contract.path("instalments");
        int made = 0;
        if (index % 3 != 0) {
            made += pay(contract, plan.get(0), index % 3 == 1 ? 2 : 1);
        }
        made += pay(contract, plan.get(1), 1);
        return made;
    }

    /** Pays 1/{@code part} of the instalment, on its due date or today if that is still to come; 0 when none is due. */
    private int pay(JsonNode contract, JsonNode instalment, int part) {
        LocalDate due = LocalDate.parse(instalment.path("dueOn").asText());
        if (due.isAfter(today) && part == 1) {
            return 0;
        }
        LocalDate on = due.isAfter(today) ? today : due;
        String id = contract.path("id").asText();
        api.post(ADMIN, CUSTOMERS + "/contracts/" + id + "/payments", Api.obj("instalmentId",
                        instalment.path("id").asText(), "receivedOn", on.toString(),
                        "amount", instalment.path("amount").asLong() / part),
                key("payment", id, instalment.path("id").asText())).orFail();
        return 1;
    }

    private String visits(List<Customer> plan) {
        requireCustomers();
        int logged = 0;
        int already = 0;
        int followUps = 0;
        for (Customer customer : plan) {
            JsonNode saved = customers.get(customer.key());
            if (saved == null) {
                continue;
            }
            List<JsonNode> existing = api.all(ADMIN, VISITS + "/visits?customerId=" + saved.path("id").asText() + "&limit=200");
            List<Visit> missing = DemoState.missingVisits(customer, existing);
            already += customer.visits().size() - missing.size();
            Optional<String> actor = DemoState.actor(saved, demoUserBySubject);
            if (actor.isEmpty()) {
                continue;
            }
            for (Visit visit : missing) {
                JsonNode visited = logVisit(actor.get(), customer, saved, visit);
                logged++;
                String followUpId = visited.path("followUpId").asText(null);
                if (followUpId != null && visit.nextAction() != null) {
                    followUps++;
                    if (visit.nextAction().completed()) {
                        api.post(actor.get(), VISITS + "/follow-ups/" + followUpId + "/complete",
                                Api.obj("result", "已完成，客户已确认")).orFail();
                    }
                }
            }
        }
        return logged + " visits logged (" + already + " already there), " + followUps + " follow-ups with them";
    }

    private JsonNode logVisit(String actor, Customer customer, JsonNode saved, Visit visit) {
        List<String> deciders = decisionMakers.getOrDefault(customer.key(), List.of());
        List<String> deals = openDeals.getOrDefault(customer.key(), List.of());
        return api.post(actor, VISITS + "/visits", Api.obj(
                "clientId", DemoState.clientId(customer, visit).toString(),
                "customerId", saved.path("id").asText(),
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
                        "dueOn", visit.occurredAt().toLocalDate().plusDays(visit.nextAction().dueAfterDays()).toString())))
                .orFail().body();
    }

    /**
     * The regions east and west, headed by the director, each with its team and that team's manager, from the
     * start of this year: alerts the managers leave unacknowledged escalate to the director. The same date
     * again replaces that version, so a second load changes nothing people see.
     */
    private String organisation() {
        String from = today.withDayOfYear(1).toString();
        for (String[] region : new String[][] {{"east", "华东区", DemoUsers.MGR_EAST}, {"west", "华西区", DemoUsers.MGR_WEST}}) {
            api.put(ADMIN, TARGETS + "/organisation/regions/" + region[0],
                    Api.obj("name", region[1], "headId", DemoUsers.DIRECTOR, "effectiveFrom", from)).orFail();
            api.put(ADMIN, TARGETS + "/organisation/teams/" + region[0],
                    Api.obj("region", region[0], "managerId", region[2], "effectiveFrom", from)).orFail();
        }
        return "east and west from " + from + ", head " + DemoUsers.DIRECTOR + ", managers mgr-east and mgr-west";
    }

    /** Company, region, team and rep goals for the current quarter: revenue and visits, with a decomposition gap or two. */
    private String goals() {
        String period = quarter(today);
        int goals = 0;
        for (String metric : List.of("REVENUE", "VISITS")) {
            boolean revenue = metric.equals("REVENUE");
            String company = goal("admin", period, metric, "COMPANY", null, revenue ? 6_000_000 : 400, null);
            String eastRegion = goal("admin", period, metric, "REGION", "east", revenue ? 3_600_000 : 240, company);
            String westRegion = goal("admin", period, metric, "REGION", "west", revenue ? 2_000_000 : 160, company);
            String east = goal("admin", period, metric, "TEAM", "east", revenue ? 3_600_000 : 240, eastRegion);
            String west = goal("admin", period, metric, "TEAM", "west", revenue ? 2_000_000 : 160, westRegion);
            String r1 = goal("mgr-east", period, metric, "REP", "rep-east-1", revenue ? 1_800_000 : 120, east);
            goal("mgr-east", period, metric, "REP", "rep-east-2", revenue ? 1_500_000 : 100, east);
            String w1 = goal("mgr-west", period, metric, "REP", "rep-west-1", revenue ? 2_000_000 : 160, west);
            goals += 8;
            acknowledge("rep-east-1", r1);
            acknowledge("rep-west-1", w1);
        }
        return goals + " goals (company → regions → teams → reps, revenue and visits), some acknowledged, east's revenue not fully decomposed";
    }

    /** A goal is known by its period, metric and scope: a second POST answers 409 with the one there is. */
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

    /** Acknowledged already (409) is what was asked for. */
    private void acknowledge(String user, String goalId) {
        Response response = api.post(user, TARGETS + "/goals/" + goalId + "/acknowledge", null);
        if (response.status() != 409) {
            response.orFail();
        }
    }

    /**
     * One review per team for the current quarter, known by scope and period (a second POST answers
     * 409 with the one there is). The manager's reasons and actions are written only into a review
     * nobody has touched yet (version 0), so loading again changes nothing; one action becomes a
     * follow-up of a customer of the team's first rep.
     */
    private String reviews() {
        requireCustomers();
        String period = quarter(today);
        int followUps = 0;
        for (String[] team : List.of(new String[] {"east", "mgr-east", "rep-east-1"},
                new String[] {"west", "mgr-west", "rep-west-1"})) {
            Response opened = api.post(team[1], TARGETS + "/reviews",
                    Api.obj("scope", Api.obj("level", "TEAM", "id", team[0]), "period", period));
            String id = opened.status() == 409 && opened.text("existingReviewId") != null
                    ? opened.text("existingReviewId") : opened.orFail().text("id");
            JsonNode review = api.get(team[1], TARGETS + "/reviews/" + id).orFail().body();
            if (review.path("version").asLong() != 0) {
                continue;
            }
            String customer = customers.values().stream()
                    .filter(c -> team[2].equals(c.path("ownerId").asText(null)))
                    .map(c -> c.path("id").asText()).findFirst().orElse(null);
            List<Object> actions = new ArrayList<>();
            actions.add(Api.obj("action", "每周复核一次漏斗，谈判阶段的商机每周至少推进一次", "ownerId", team[2],
                    "dueOn", today.plusDays(14).toString(), "asFollowUp", false));
            if (customer != null) {
                actions.add(Api.obj("action", "两周内拜访财务负责人，确认本季度预算与签约时间", "ownerId", team[2],
                        "dueOn", today.plusDays(7).toString(), "asFollowUp", true, "customerId", customer));
                followUps++;
            }
            api.patch(team[1], TARGETS + "/reviews/" + id, 0, Api.obj(
                    "missReasons", "一个大客户的项目推迟到下季度；A 类客户拜访频率不足，有效拜访偏少。",
                    "actions", actions)).orFail();
        }
        return "one per team (east, west), " + followUps + " action(s) newly assigned as follow-ups";
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
        if (customers.isEmpty()) {
            throw new SectionFailed("no customers were found or written (see the customers section)");
        }
    }

    static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    private static String key(String... parts) {
        return "demo-" + DemoState.uuid(parts);
    }

    private void say(String line) {
        out.println("[crm] " + line);
        out.flush();
    }
}
