package org.salescrm.goal.organisation;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.events.target.Organisation;
import org.salescrm.platform.database.AdvisoryLocks;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;

/**
 * The organisation as data: regions and their teams, each kept as versions effective from a date.
 * Writing a version with the same date as an existing one replaces it; any other date adds one, so
 * the structure of any past day can be read back. Every write publishes its event on
 * crm.organisation through the outbox.
 */
@ApplicationScoped
public class OrganisationService {

    /** Business dates this far back and forward; the seed starts at the first. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private final RegionRepository regions;
    private final TeamRepository teams;
    private final Outbox outbox;
    private final Clock clock;

    public OrganisationService(RegionRepository regions, TeamRepository teams, Outbox outbox, Clock clock) {
        this.regions = regions;
        this.teams = teams;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<RegionView> putRegion(String code, RegionRequest request, String changedBy) {
        LocalDate from = checkedDate(request.effectiveFrom());
        Instant now = clock.instant();
        return serialised().chain(() -> regions.exactly(code, from)).chain(existing -> regions.lastVersion(code)
                .chain(last -> {
                    RegionVersion r = existing != null ? existing : newRegion(code, from, now);
                    r.name = request.name().strip();
                    r.headId = blankToNull(request.headId());
                    r.version = last + 1;
                    r.changedBy = changedBy;
                    r.updatedAt = now;
                    return regions.persistAndFlush(r);
                }))
                .call(r -> outbox.append(OrganisationEvents.regionChanged(r, now)))
                .chain(r -> teamsOf(code, from).map(inRegion -> RegionView.of(r, inRegion)));
    }

    @WithTransaction
    public Uni<TeamView> putTeam(String code, TeamRequest request, String changedBy) {
        LocalDate from = checkedDate(request.effectiveFrom());
        String region = request.region().strip();
        String managerId = blankToNull(request.managerId());
        String reportsTo = blankToNull(request.reportsTo());
        if (reportsTo != null && reportsTo.equals(managerId)) {
            throw rule("reportsTo", "not-the-manager", "a manager does not report to themselves",
                    "organisation-reports-to-self");
        }
        Instant now = clock.instant();
        return serialised().chain(() -> regions.asOf(region, from)).chain(regionThen -> {
            if (regionThen == null) {
                return Uni.createFrom().failure(rule("region", "exists", "must be a region in force on effectiveFrom",
                        "organisation-region-missing", region, from));
            }
            return teams.exactly(code, from).chain(existing -> teams.lastVersion(code).chain(last -> {
                TeamVersion t = existing != null ? existing : newTeam(code, from, now);
                t.region = region;
                t.managerId = managerId;
                t.reportsTo = reportsTo;
                t.version = last + 1;
                t.changedBy = changedBy;
                t.updatedAt = now;
                return teams.persistAndFlush(t);
            }))
                    .call(t -> outbox.append(OrganisationEvents.teamChanged(t, now)))
                    .map(t -> TeamView.of(t, regionThen));
        });
    }

    /** The regions and teams in force on the day (today, in business time, when null). */
    @WithSession
    public Uni<OrganisationView> asOf(LocalDate day) {
        LocalDate on = day == null ? LocalDate.now(clock) : checkedDate(day, "asOf");
        return regions.asOf(on).chain(regionsThen -> teams.asOf(on).map(teamsThen -> {
            Map<String, RegionVersion> byCode = regionsThen.stream()
                    .collect(Collectors.toMap(r -> r.region, Function.identity()));
            List<RegionView> regionViews = regionsThen.stream().map(r -> RegionView.of(r, teamsThen.stream()
                    .filter(t -> t.region.equals(r.region)).map(t -> t.team).toList())).toList();
            List<TeamView> teamViews = teamsThen.stream().map(t -> TeamView.of(t, byCode.get(t.region))).toList();
            return new OrganisationView(on, regionViews, teamViews);
        }));
    }

    /** The codes of the teams in the region on the day. Needs an open session. */
    public Uni<List<String>> teamsOf(String region, LocalDate day) {
        return teams.asOf(day).map(all -> all.stream().filter(t -> t.region.equals(region)).map(t -> t.team)
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    /** The region as it stands on the day, with its teams; null when it is not in force then. Needs an open session. */
    public Uni<RegionView> regionAsOf(String region, LocalDate day) {
        return regions.asOf(region, day).chain(r -> r == null ? Uni.createFrom().<RegionView>nullItem()
                : teamsOf(region, day).map(inRegion -> RegionView.of(r, inRegion)));
    }

    /** Organisation writes are rare: one at a time, under the lock the outbox takes for their events' key. */
    private static Uni<Void> serialised() {
        return AdvisoryLocks.holdUntilCommit(Organisation.PARTITION_KEY.toString());
    }

    private static RegionVersion newRegion(String code, LocalDate from, Instant now) {
        RegionVersion r = new RegionVersion();
        r.id = UUID.randomUUID();
        r.region = code;
        r.effectiveFrom = from;
        r.createdAt = now;
        return r;
    }

    private static TeamVersion newTeam(String code, LocalDate from, Instant now) {
        TeamVersion t = new TeamVersion();
        t.id = UUID.randomUUID();
        t.team = code;
        t.effectiveFrom = from;
        t.createdAt = now;
        return t;
    }

    private static LocalDate checkedDate(LocalDate day) {
        return checkedDate(day, "effectiveFrom");
    }

    private static LocalDate checkedDate(LocalDate day, String field) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw rule(field, "Range", "must lie between " + EARLIEST + " and " + LATEST, "organisation-date", field,
                    EARLIEST, LATEST);
        }
        return day;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ProblemException rule(String field, String rule, String message, String detailKey, Object... args) {
        return Problems.ruleViolated("organisation-rule", List.of(new FieldViolation(field, rule, message)),
                detailKey, args);
    }
}
