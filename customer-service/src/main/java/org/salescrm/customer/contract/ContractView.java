package org.salescrm.customer.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.customer.money.Money;

/** A contract with its payment plan as it stands today, and what has been collected and is outstanding. */
public record ContractView(
        UUID id,
        UUID opportunityId,
        UUID customerId,
        String number,
        LocalDate signedOn,
        BigDecimal amount,
        String currency,
        String terms,
        List<InstalmentView> instalments,
        BigDecimal collected,
        BigDecimal outstanding,
        BigDecimal overdue,
        String ownerId,
        String ownerTeam,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static ContractView of(Contract c, List<Instalment> plan, LocalDate today) {
        List<InstalmentView> views = plan.stream().map(i -> InstalmentView.of(i, today)).toList();
        BigDecimal collected = plan.stream().map(i -> i.collected).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal overdue = plan.stream().filter(i -> i.overdueOn(today)).map(Instalment::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ContractView(c.id, c.opportunityId, c.customerId, c.number, c.signedOn, Money.plain(c.amount),
                c.currency, c.terms, views, Money.plain(collected), Money.plain(c.amount.subtract(collected)),
                Money.plain(overdue), c.ownerId, c.ownerTeam, c.version, c.createdAt, c.updatedAt);
    }
}
