package org.salescrm.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.salescrm.local.demo.DemoPlan.Customer;
import org.salescrm.local.demo.DemoPlan.Opportunity;
import org.salescrm.local.demo.DemoPlan.Visit;

class DemoPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final List<Customer> plan = DemoPlan.build(TODAY);

    @Test
    void twoTeamsDozensOfCustomersAcrossGradesWithUniqueNames() {
        assertThat(plan).hasSizeGreaterThanOrEqualTo(36);
        assertThat(plan.stream().map(Customer::team).collect(Collectors.toSet())).containsExactlyInAnyOrder("east", "west");
        assertThat(plan.stream().map(Customer::grade).collect(Collectors.toSet())).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(plan.stream().map(Customer::name).distinct()).hasSize(plan.size());
        assertThat(plan.stream().map(Customer::phone).distinct()).hasSize(plan.size());
        assertThat(plan.stream().map(Customer::creditCode).distinct()).hasSize(plan.size());
        assertThat(plan).allSatisfy(customer -> assertThat(customer.name()).endsWith("公司"));
    }

    @Test
    void everyCustomerHasAnActiveDecisionMaker() {
        assertThat(plan).allSatisfy(customer -> assertThat(customer.keyPersons())
                .anyMatch(person -> person.kpType().equals("DECISION_MAKER") && !person.left()));
        assertThat(plan.stream().flatMap(customer -> customer.keyPersons().stream()).filter(DemoPlan.KeyPerson::left))
                .as("decision makers who left").isNotEmpty();
    }

    @Test
    void dealsEndInEveryStageWithMovesInThePastInOrder() {
        List<Opportunity> deals = plan.stream().flatMap(customer -> customer.opportunities().stream()).toList();
        Set<String> ends = deals.stream().map(Opportunity::finalStage).collect(Collectors.toSet());
        assertThat(ends).containsAll(DemoPlan.STAGES).contains("LOST");
        assertThat(deals).allSatisfy(deal -> {
            assertThat(deal.openedOn()).isBefore(TODAY);
            assertThat(deal.moveDates()).isSorted().allSatisfy(date -> assertThat(date).isAfter(deal.openedOn()).isBefore(TODAY));
        });
        assertThat(deals).as("past their close date").anyMatch(deal -> deal.expectedCloseDate().isBefore(TODAY)
                && !deal.finalStage().equals("WON") && !deal.finalStage().equals("LOST"));
    }

    @Test
    void neglectedACustomersAreChurnRisks() {
        List<Customer> risks = plan.stream().filter(Customer::churnRisk).toList();
        assertThat(risks).isNotEmpty().allSatisfy(customer -> {
            assertThat(customer.grade()).isEqualTo("A");
            Visit last = customer.visits().get(customer.visits().size() - 1);
            assertThat(last.occurredAt().toLocalDate()).isBefore(TODAY.minusDays(29));
            assertThat(last.nextAction()).isNotNull();
            assertThat(last.nextAction().completed()).isFalse();
        });
    }

    @Test
    void visitsSpanMonthsAtBusinessHoursInThePast() {
        List<Visit> visits = plan.stream().flatMap(customer -> customer.visits().stream()).toList();
        assertThat(visits).hasSizeGreaterThan(100).allSatisfy(visit -> {
            assertThat(visit.occurredAt().toLocalDate()).isBefore(TODAY);
            assertThat(visit.occurredAt().getHour()).isBetween(9, 17);
        });
        assertThat(visits.stream().map(visit -> visit.occurredAt().toLocalDate()).min(LocalDate::compareTo).orElseThrow())
                .isBefore(TODAY.minusDays(90));
        assertThat(visits).anyMatch(visit -> visit.sentiment().equals("NEGATIVE"));
    }

    @Test
    void thePlanIsTheSameOnEveryRunSoThatReloadingFindsWhatIsThere() {
        assertThat(DemoPlan.build(TODAY)).isEqualTo(plan);
    }
}
