package org.salescrm.goal.actuals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.salescrm.events.DomainEvent;
import org.salescrm.platform.database.NativeQueries;

/**
 * Which team each rep is in, as the newest consumed event said (its ownerId and ownerTeam). Tokens
 * only carry the caller's own team, so this is how a manager's REP goal is checked to be for a rep
 * of their team.
 */
@ApplicationScoped
public class RepTeams {

    /**
     * Inside the caller's transaction, with two statements however many events, ending as remembering them one
     * by one in their order would: a rep's row takes the newest of its events (the later one of two as new), an
     * older event than the one held changes nothing, and the rep's goals awaiting a team take the team of the
     * rep's first event.
     */
    public Uni<Void> remember(List<DomainEvent> events) {
        // in rep order, so that two batches naming the same reps lock their rows in the same order
        Map<String, DomainEvent> newest = new TreeMap<>();
        Map<String, DomainEvent> first = new TreeMap<>();
        for (DomainEvent event : events) {
            if (event.ownerId() == null || event.ownerTeam() == null) {
                continue;
            }
            newest.merge(event.ownerId(), event,
                    (held, next) -> next.occurredAt().isBefore(held.occurredAt()) ? held : next);
            first.putIfAbsent(event.ownerId(), event);
        }
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> NativeQueries.update(session, """
                                INSERT INTO rep_team (rep_id, team, seen_at)
                                SELECT * FROM unnest(CAST(?1 AS text[]),
                                        CAST(?2 AS text[]),
                                        CAST(CAST(?3 AS text[]) AS timestamptz[])) AS u(rep_id, team, seen_at)
                                -- an upsert locks the row it conflicts with even when its WHERE then refuses it, and
                                -- the lock holds until the batch commits: concurrent batches about the same reps
                                -- waited on each other for rows none of them changed
                                WHERE NOT EXISTS (SELECT 1 FROM rep_team r
                                                  WHERE r.rep_id = u.rep_id AND r.seen_at > u.seen_at)
                                ON CONFLICT (rep_id) DO UPDATE SET team = excluded.team, seen_at = excluded.seen_at
                                WHERE rep_team.seen_at <= excluded.seen_at""",
                                NativeQueries.array(newest.values(), String.class, DomainEvent::ownerId),
                                NativeQueries.array(newest.values(), String.class, DomainEvent::ownerTeam),
                                NativeQueries.instants(newest.values(), DomainEvent::occurredAt))
                        // a rep's goals set before their team was known (by an admin) now belong to that team
                        .chain(() -> NativeQueries.update(session, """
                                        UPDATE goal g SET owner_team = t.team
                                        FROM unnest(CAST(?1 AS text[]),
                                                    CAST(?2 AS text[])) AS t(rep_id, team)
                                        WHERE g.scope_level = 'REP' AND g.owner_team IS NULL AND g.scope_id = t.rep_id""",
                                NativeQueries.array(first.values(), String.class, DomainEvent::ownerId),
                                NativeQueries.array(first.values(), String.class, DomainEvent::ownerTeam))))
                .replaceWithVoid();
    }

    /** The teams of those of {@code repIds} some event has named, by rep. Needs an open session. */
    public Uni<Map<String, String>> teamsOf(Collection<String> repIds) {
        if (repIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> NativeQueries.rows(session,
                        "SELECT rep_id, team FROM rep_team WHERE rep_id = ANY (CAST(?1 AS text[]))",
                        NativeQueries.array(repIds, String.class)))
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.text("rep_id"), row -> row.text("team"))));
    }

    /** The rep's team, or null when no event about the rep has been seen yet. Needs an open session. */
    public Uni<String> teamOf(String repId) {
        return teamsOf(List.of(repId)).map(teams -> teams.get(repId));
    }
}
