package org.salescrm.goal.actuals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Which team each rep is in, as the newest consumed event said (its ownerId and ownerTeam). Tokens
 * only carry the caller's own team, so this is how a manager's REP goal is checked to be for a rep
 * of their team.
 */
@ApplicationScoped
public class RepTeams {

    /** Inside the caller's transaction; an older event than the one held changes nothing. */
    public Uni<Void> remember(String repId, String team, Instant seenAt) {
        if (repId == null || team == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO rep_team (rep_id, team, seen_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT (rep_id) DO UPDATE SET team = excluded.team, seen_at = excluded.seen_at
                        WHERE rep_team.seen_at <= excluded.seen_at""")
                .setParameter(1, repId)
                .setParameter(2, team)
                .setParameter(3, seenAt)
                .executeUpdate()
                .chain(() -> adoptGoals(session, repId, team)))
                .replaceWithVoid();
    }

    /** A rep's goals set before their team was known (by an admin) now belong to that team, for its manager. */
    private static Uni<Integer> adoptGoals(Mutiny.Session session, String repId, String team) {
        return session.createNativeQuery("""
                        UPDATE goal SET owner_team = ?2
                        WHERE scope_level = 'REP' AND scope_id = ?1 AND owner_team IS NULL""")
                .setParameter(1, repId)
                .setParameter(2, team)
                .executeUpdate();
    }

    /** The rep's team, or null when no event about the rep has been seen yet. Needs an open session. */
    public Uni<String> teamOf(String repId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT team FROM rep_team WHERE rep_id = ?1", String.class)
                .setParameter(1, repId)
                .getResultList())
                .map(List::stream)
                .map(rows -> rows.findFirst().orElse(null));
    }
}
