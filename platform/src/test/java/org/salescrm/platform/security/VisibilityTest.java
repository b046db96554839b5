package org.salescrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    static final Caller REP = new Caller("rep-east-1", Set.of(Role.REP), "east", Set.of());
    static final Caller MANAGER = new Caller("mgr-east", Set.of(Role.MANAGER), "east", Set.of("north"));
    static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, Set.of());

    @Test
    void repIsKeptToOwnRecords() {
        Visibility visibility = Visibility.of(REP);

        assertThat(visibility.clause()).isEqualTo("ownerId = :callerId");
        assertThat(visibility.parameters()).containsEntry("callerId", "rep-east-1").hasSize(1);
    }

    @Test
    void managerSeesOwnAndEveryLedTeam() {
        Visibility visibility = Visibility.of(MANAGER);

        assertThat(visibility.clause()).isEqualTo("(ownerId = :callerId or ownerTeam in :callerTeams)");
        assertThat(visibility.parameters().get("callerTeams")).isEqualTo(Set.of("east", "north"));
    }

    @Test
    void adminIsNotRestricted() {
        assertThat(Visibility.of(ADMIN).clause()).isEqualTo("1 = 1");
    }

    @Test
    void scopeCanBeWidenedAndCombined() {
        Visibility visibility = Visibility.of(REP).or("ownerId is null");

        assertThat(visibility.where("id = :id")).isEqualTo("(id = :id) and (ownerId = :callerId or ownerId is null)");
        assertThat(visibility.with("id", 7)).containsEntry("id", 7).containsEntry("callerId", "rep-east-1");
    }

    @Test
    void conditionWithOrStaysInsideTheScope() {
        assertThat(Visibility.of(REP).where("customerId = :c or opportunityId = :o"))
                .isEqualTo("(customerId = :c or opportunityId = :o) and ownerId = :callerId");
    }

    @Test
    void inMemoryCheckAgreesWithTheQuery() {
        assertThat(REP.canSee("rep-east-1", "east")).isTrue();
        assertThat(REP.canSee("rep-east-2", "east")).isFalse();
        assertThat(MANAGER.canSee("rep-north-1", "north")).isTrue();
        assertThat(MANAGER.canSee("rep-west-1", "west")).isFalse();
        assertThat(ADMIN.canSee("anyone", "west")).isTrue();
    }

    @Test
    void aRepClaimingTeamsDoesNotWidenTheirReach() {
        Caller rep = new Caller("rep-east-1", Set.of(Role.REP), "east", Set.of("west"));

        assertThat(rep.visibleTeams()).isEmpty();
        assertThat(Visibility.of(rep).clause()).isEqualTo("ownerId = :callerId");
    }
}
