package org.salescrm.customer.playbook;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.customer.customer.CustomerRepository;
import org.salescrm.customer.keyperson.KeyPersonRepository;
import org.salescrm.customer.opportunity.Opportunity;
import org.salescrm.customer.opportunity.OpportunityRepository;
import org.salescrm.customer.opportunity.Stage;
import org.salescrm.customer.opportunity.StageChecklist;
import org.salescrm.customer.quote.QuoteRepository;
import org.salescrm.platform.database.AdvisoryLocks;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/**
 * Stage playbooks (销售漏斗各阶段行动标准): what a rep does in each stage, which items the records
 * prove and which are ticked by hand, and which of them an admin made gates of the stage move.
 */
@ApplicationScoped
public class PlaybookService implements StageChecklist {

    static final String ITEM = "playbook item";
    /** Any constant of this service: admins replacing playbooks run one after the other. */
    private static final String PLAYBOOK_LOCK = "customer-service.playbooks";

    private final PlaybookItemRepository items;
    private final PlaybookTickRepository ticks;
    private final OpportunityRepository opportunities;
    private final CustomerRepository customers;
    private final KeyPersonRepository keyPersons;
    private final QuoteRepository quotes;
    private final Clock clock;

    public PlaybookService(PlaybookItemRepository items, PlaybookTickRepository ticks,
                           OpportunityRepository opportunities, CustomerRepository customers,
                           KeyPersonRepository keyPersons, QuoteRepository quotes, Clock clock) {
        this.items = items;
        this.ticks = ticks;
        this.opportunities = opportunities;
        this.customers = customers;
        this.keyPersons = keyPersons;
        this.quotes = quotes;
        this.clock = clock;
    }

    @WithSession
    public Uni<PlaybooksView> playbooks() {
        return items.all().map(all -> new PlaybooksView(java.util.Arrays.stream(Stage.values())
                .map(stage -> new StagePlaybookView(stage.name(), all.stream().filter(i -> i.stage == stage)
                        .map(PlaybookItemView::of).toList()))
                .toList()));
    }

    /**
     * Replaces a stage's items. Keys are unique across stages (a tick names the key alone), and an
     * item proved by DATA must be one the records can prove. Ticks already made stay: an item put
     * back under the same key shows them again.
     */
    @WithTransaction
    public Uni<StagePlaybookView> replace(Stage stage, PlaybookRequest request) {
        return lock().chain(() -> items.ofOtherStages(stage)).chain(others -> {
            validate(request, others);
            List<PlaybookItem> fresh = new ArrayList<>();
            for (int i = 0; i < request.items().size(); i++) {
                fresh.add(newItem(stage, i, request.items().get(i)));
            }
            return items.deleteStage(stage)
                    .chain(() -> items.persist(fresh))
                    .chain(() -> items.flush())
                    .replaceWith(new StagePlaybookView(stage.name(), fresh.stream().map(PlaybookItemView::of).toList()));
        });
    }

    private static void validate(PlaybookRequest request, List<PlaybookItem> others) {
        Map<String, Stage> taken = others.stream().collect(Collectors.toMap(i -> i.key, i -> i.stage));
        Set<String> seen = new HashSet<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaybookItemRequest item = request.items().get(i);
            String at = "items[" + i + "]";
            if (!seen.add(item.key())) {
                violations.add(new FieldViolation(at + ".key", "unique", "appears twice in this stage"));
            } else if (taken.containsKey(item.key())) {
                violations.add(new FieldViolation(at + ".key", "uniqueAcrossStages",
                        "is already an item of " + taken.get(item.key())));
            }
            if (PlaybookItem.DATA.equals(item.proof()) && !DataProofs.known(item.key())) {
                violations.add(new FieldViolation(at + ".proof", "provableKey",
                        "DATA needs a key the records prove: one of " + DataProofs.keys()));
            }
        }
        if (!violations.isEmpty()) {
            String names = violations.stream().map(FieldViolation::field).collect(Collectors.joining(", "));
            throw Problems.ruleViolated("validation", violations, "validation", names);
        }
    }

    /** Every stage's items with what this opportunity has done of them; 404 as for the opportunity when out of reach. */
    @WithSession
    public Uni<OpportunityPlaybookView> progress(UUID id, Caller caller) {
        return visible(id, caller).chain(this::progressOf);
    }

    /**
     * Ticks a hand-proved item with its note. An item the records prove cannot be ticked (422 on
     * {@code key}); one ticked already answers 409 and keeps its first tick.
     */
    @WithTransaction
    public Uni<OpportunityPlaybookView> tick(UUID id, String key, TickRequest request, Caller caller) {
        return visible(id, caller)
                .call(o -> items.findById(key)
                        .onItem().ifNull().failWith(() -> Problems.notFound(ITEM, key))
                        .invoke(PlaybookService::requireTickable)
                        .chain(item -> ticks.find(o.id, key))
                        .invoke(existing -> {
                            if (existing != null) {
                                throw Problems.conflict("playbook-item-done", "playbook-item-done", key,
                                        existing.doneBy, existing.doneAt);
                            }
                        })
                        .chain(() -> ticks.persistAndFlush(newTick(o, key, request, caller)))
                        .onFailure(DatabaseFailures::isUniqueViolation)
                        .transform(f -> Problems.conflict("playbook-item-done", "playbook-item-done", key, "?", "?")))
                .chain(this::progressOf);
    }

    private static void requireTickable(PlaybookItem item) {
        if (item.provedByData()) {
            throw Problems.ruleViolated("validation", List.of(new FieldViolation("key", "tickable",
                    "is proved from the records and cannot be ticked by hand")), "validation", "key");
        }
    }

    @Override
    public Uni<List<FieldViolation>> missing(Opportunity o, Stage target) {
        return items.all().chain(all -> {
            List<PlaybookItem> gates = all.stream()
                    .filter(i -> i.gate && i.stage != Stage.TARGET && i.stage.isReachedBy(target)).toList();
            if (gates.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return completion(o).map(done -> gates.stream().filter(i -> !done.isDone(i))
                    .map(i -> new FieldViolation("playbook." + i.key, "playbook",
                            i.stage + " needs \"" + i.titleEn + "\" done"))
                    .toList());
        });
    }

    private Uni<OpportunityPlaybookView> progressOf(Opportunity o) {
        return items.all().chain(all -> completion(o).map(done -> {
            List<StageProgressView> stages = new ArrayList<>();
            for (Stage stage : Stage.values()) {
                List<ItemProgressView> views = all.stream().filter(i -> i.stage == stage).map(done::view).toList();
                int count = (int) views.stream().filter(ItemProgressView::done).count();
                stages.add(new StageProgressView(stage.name(), count, views.size(), views));
            }
            return new OpportunityPlaybookView(o.id, o.stage.name(), stages);
        }));
    }

    /** The facts and ticks an opportunity's items are judged by, read one after the other in the session. */
    private Uni<Completion> completion(Opportunity o) {
        return customers.findById(o.customerId).chain(customer -> keyPersons.countActiveCoaches(o.customerId)
                .chain(coaches -> keyPersons.countActiveDecisionMakers(o.customerId)
                        .chain(makers -> quotes.countsOf(o.id)
                                .map(quoted -> new DataProofs.Facts(o, customer != null && customer.lastContactAt != null,
                                        coaches, makers, quoted.all(), quoted.accepted())))))
                .chain(facts -> ticks.of(o.id).map(made -> new Completion(facts,
                        made.stream().collect(Collectors.toMap(t -> t.itemKey, Function.identity())))));
    }

    /** Whether each item is done for one opportunity. */
    private record Completion(DataProofs.Facts facts, Map<String, PlaybookTick> ticks) {

        boolean isDone(PlaybookItem item) {
            return item.provedByData() ? DataProofs.proved(item.key, facts) : ticks.containsKey(item.key);
        }

        ItemProgressView view(PlaybookItem item) {
            PlaybookTick tick = item.provedByData() ? null : ticks.get(item.key);
            return new ItemProgressView(item.key, new PlaybookTitle(item.titleZh, item.titleEn), item.required,
                    item.gate, item.proof, isDone(item), tick == null ? null : tick.doneBy,
                    tick == null ? null : tick.doneAt, tick == null ? null : tick.note);
        }
    }

    private Uni<Opportunity> visible(UUID id, Caller caller) {
        return opportunities.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("opportunity", id));
    }

    private static Uni<Void> lock() {
        return AdvisoryLocks.holdUntilCommit(PLAYBOOK_LOCK);
    }

    private static PlaybookItem newItem(Stage stage, int position, PlaybookItemRequest request) {
        PlaybookItem item = new PlaybookItem();
        item.key = request.key();
        item.stage = stage;
        item.position = position;
        item.titleZh = request.title().zhCN().strip();
        item.titleEn = request.title().en().strip();
        item.required = request.required();
        item.gate = request.gate();
        item.proof = request.proof();
        return item;
    }

    private PlaybookTick newTick(Opportunity o, String key, TickRequest request, Caller caller) {
        PlaybookTick tick = new PlaybookTick();
        tick.id = UUID.randomUUID();
        tick.opportunityId = o.id;
        tick.itemKey = key;
        tick.note = request.note().strip();
        tick.doneBy = caller.id();
        tick.doneAt = clock.instant();
        return tick;
    }
}
