package org.salescrm.customer.contact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

/**
 * Which visits count as a follow-up (跟进) that keeps a customer out of the pool, and when.
 * By default any logged visit counts: a rep who calls and visits is following the customer up,
 * even when a visit missed its key person; managers judge effectiveness in the reports.
 * {@code EFFECTIVE_VISIT} counts only effective visits (有效拜访: met a key person, purpose
 * achieved, not negative), including a visit a correction made effective.
 */
@ConfigMapping(prefix = "crm.contact")
public interface QualifyingContact {

    enum Rule { ANY_VISIT, EFFECTIVE_VISIT }

    @WithDefault("ANY_VISIT")
    Rule qualifyingVisits();

    /** The business time of the contact the event shows, or null when it is no qualifying contact. */
    default Instant contactAt(DomainEvent event) {
        return contactAt(qualifyingVisits(), event);
    }

    static Instant contactAt(Rule rule, DomainEvent event) {
        if (event instanceof VisitLogged logged) {
            return rule == Rule.ANY_VISIT || logged.effective() ? logged.occurredAt() : null;
        }
        if (event instanceof VisitCorrected corrected) {
            // A correction never adds a visit; it may only make an existing one effective.
            return corrected.effective() ? corrected.visitOccurredAt() : null;
        }
        return null;
    }
}
