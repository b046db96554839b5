package org.salescrm.platform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.problem.ProblemException;

class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3\"", "W/\"3\"", " 3 "})
    void readsTheVersionInEveryCommonSpelling(String header) {
        assertThat(IfMatch.version(header)).isEqualTo(3);
    }

    @Test
    void missingHeaderIs428() {
        assertThatThrownBy(() -> IfMatch.version(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(428));
    }

    @Test
    void garbageIs400() {
        assertThatThrownBy(() -> IfMatch.version("abc")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void staleVersionIs412WithTheCurrentOne() {
        assertThatThrownBy(() -> IfMatch.check(2, 5)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(412);
            assertThat(e.extensions()).containsEntry("currentVersion", 5L);
        });
    }

    @Test
    void currentVersionPasses() {
        IfMatch.check(5, 5);
    }
}
