package org.salescrm.visit.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EffectiveVisitTest {

    static final List<UUID> ONE_KEY_PERSON = List.of(UUID.randomUUID());

    @Test
    void effectiveNeedsAKeyPersonAnAchievedPurposeAndAWillingCustomer() {
        assertThat(Visit.effective(ONE_KEY_PERSON, true, Sentiment.POSITIVE)).isTrue();
        assertThat(Visit.effective(ONE_KEY_PERSON, true, Sentiment.NEUTRAL)).isTrue();
        assertThat(Visit.effective(ONE_KEY_PERSON, true, null)).as("no sentiment given is not negative").isTrue();
        assertThat(Visit.effective(ONE_KEY_PERSON, true, Sentiment.NEGATIVE)).isFalse();
        assertThat(Visit.effective(List.of(), true, Sentiment.POSITIVE)).isFalse();
        assertThat(Visit.effective(null, true, Sentiment.POSITIVE)).isFalse();
        assertThat(Visit.effective(ONE_KEY_PERSON, false, Sentiment.POSITIVE)).isFalse();
        assertThat(Visit.effective(ONE_KEY_PERSON, null, Sentiment.POSITIVE)).isFalse();
    }
}
