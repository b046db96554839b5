package org.salescrm.customer.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.VisitTraffic;
import org.salescrm.customer.contact.QualifyingContact.Rule;
import org.salescrm.events.DomainEvent;

/** What one batch of visits writes: each customer's latest contact among them, in whatever order they came. */
class LastContactTest {

    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");
    final String customer = UUID.randomUUID().toString();
    final String other = UUID.randomUUID().toString();

    @Test
    void eachCustomerGetsTheLatestOfItsContactsNotTheLastRead() {
        List<DomainEvent> batch = List.of(visit(customer, 3), visit(customer, 1), visit(other, 5), visit(customer, 2));

        assertThat(latest(batch)).isEqualTo(Map.of(UUID.fromString(customer), NOW.minus(Duration.ofHours(1)),
                UUID.fromString(other), NOW.minus(Duration.ofHours(5))));
    }

    @Test
    void aContactAheadOfNowCountsAsNow() {
        assertThat(latest(List.of(visit(customer, -2)))).isEqualTo(Map.of(UUID.fromString(customer), NOW));
    }

    @Test
    void visitsThatAreNoContactUnderTheRuleAreLeftOut() {
        DomainEvent ineffective = VisitTraffic.visit(customer, "rep", NOW.minus(Duration.ofHours(1)), false);

        assertThat(LastContact.latestContacts(List.of(ineffective),
                e -> QualifyingContact.contactAt(Rule.EFFECTIVE_VISIT, e), NOW)).isEmpty();
    }

    private static DomainEvent visit(String customerId, int hoursAgo) {
        return VisitTraffic.visit(customerId, "rep", NOW.minus(Duration.ofHours(hoursAgo)), true);
    }

    private static Map<UUID, Instant> latest(List<DomainEvent> batch) {
        return LastContact.latestContacts(batch, e -> QualifyingContact.contactAt(Rule.ANY_VISIT, e), NOW);
    }
}
