package org.salescrm.customer.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.problem.FieldViolation;

/** The gates read their switches: each one can be turned off on its own. */
class StageEvidenceTest {

    record Gates(boolean projectBudget, boolean acknowledgedDecisionMaker, boolean negotiationQuote,
                 boolean wonContract) implements FunnelConfig.Gates {
    }

    private static final Gates ALL_ON = new Gates(true, true, true, true);

    @Test
    void everyGateBetweenHereAndWonIsListed() {
        assertThat(StageEvidence.missing(new Opportunity(), Stage.WON, 0, ALL_ON, List.of()))
                .extracting(FieldViolation::field)
                .containsExactly("budget", "decisionMaker", "quoteAmount", "contractSignedOn", "firstPaymentOn");
    }

    @Test
    void earlyStagesNeedNothing() {
        assertThat(StageEvidence.missing(new Opportunity(), Stage.INTENT, 0, ALL_ON, List.of())).isEmpty();
    }

    @Test
    void aSwitchedOffGateIsNotAsked() {
        assertThat(StageEvidence.missing(new Opportunity(), Stage.WON, 0, new Gates(false, true, false, true), List.of()))
                .extracting(FieldViolation::field)
                .containsExactly("decisionMaker", "contractSignedOn", "firstPaymentOn");
        assertThat(StageEvidence.needsDecisionMakers(new Gates(true, false, true, true), Stage.WON)).isFalse();
        assertThat(StageEvidence.missing(new Opportunity(), Stage.WON, 0, new Gates(false, false, false, false), List.of()))
                .isEmpty();
    }

    @Test
    void presentEvidenceIsNotListed() {
        Opportunity o = new Opportunity();
        o.budget = BigDecimal.TEN;
        o.quoteAmount = BigDecimal.ZERO;
        o.contractSignedOn = LocalDate.of(2026, 11, 1);
        assertThat(StageEvidence.missing(o, Stage.WON, 1, ALL_ON, List.of()))
                .extracting(FieldViolation::field).containsExactly("firstPaymentOn");
    }

    @Test
    void aZeroBudgetIsNoBudget() {
        Opportunity o = new Opportunity();
        o.budget = BigDecimal.ZERO;
        assertThat(StageEvidence.missing(o, Stage.PROJECT, 0, ALL_ON, List.of())).extracting(FieldViolation::field)
                .containsExactly("budget");
    }

    @Test
    void playbookGatesAreListedAfterTheConfiguredEvidenceInOneAnswer() {
        FieldViolation coach = new FieldViolation("playbook.coach", "playbook", "PROJECT needs \"coach\" done");

        assertThat(StageEvidence.missing(new Opportunity(), Stage.PROJECT, 0, ALL_ON, List.of(coach)))
                .extracting(FieldViolation::field).containsExactly("budget", "playbook.coach");
    }
}
