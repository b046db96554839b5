package org.salescrm.customer.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.VisitTraffic;
import org.salescrm.customer.contact.QualifyingContact.Rule;
import org.salescrm.events.visit.VisitLogged;

class QualifyingContactTest {

    static final Instant MORNING = Instant.parse("2026-11-16T01:30:00Z");
    final String customer = UUID.randomUUID().toString();

    @Test
    void byDefaultAnyLoggedVisitIsAContactAtItsBusinessTime() {
        VisitLogged missedTheDecisionMaker = VisitTraffic.visit(customer, "rep", MORNING, false);

        assertThat(QualifyingContact.contactAt(Rule.ANY_VISIT, missedTheDecisionMaker)).isEqualTo(MORNING);
    }

    @Test
    void underTheEffectiveRuleOnlyEffectiveVisitsCount() {
        assertThat(QualifyingContact.contactAt(Rule.EFFECTIVE_VISIT,
                VisitTraffic.visit(customer, "rep", MORNING, false))).isNull();
        assertThat(QualifyingContact.contactAt(Rule.EFFECTIVE_VISIT,
                VisitTraffic.visit(customer, "rep", MORNING, true))).isEqualTo(MORNING);
    }

    @Test
    void aCorrectionCountsAtTheVisitsTimeOnlyWhenItMakesTheVisitEffective() {
        VisitLogged visit = VisitTraffic.visit(customer, "rep", MORNING, false);

        for (Rule rule : Rule.values()) {
            assertThat(QualifyingContact.contactAt(rule, VisitTraffic.correction(visit, false))).isNull();
            assertThat(QualifyingContact.contactAt(rule, VisitTraffic.correction(visit, true))).isEqualTo(MORNING);
        }
    }
}
