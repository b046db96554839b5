package org.salescrm.customer.receivable;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.customer.contract.Contract;
import org.salescrm.customer.contract.Instalment;
import org.salescrm.customer.money.Money;
import org.salescrm.customer.receivable.ReceivablesReport.OverdueInstalment;
import org.salescrm.platform.security.Caller;

/** The aging of what customers owe, as of today in the business time zone. */
@ApplicationScoped
public class ReceivablesService {

    private final ReceivablesRepository receivables;
    private final Clock clock;
    private final ZoneId zone;

    public ReceivablesService(ReceivablesRepository receivables, Clock clock,
                              @ConfigProperty(name = "crm.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.receivables = receivables;
        this.clock = clock;
        this.zone = zone;
    }

    @WithSession
    public Uni<ReceivablesReport> report(ReceivablesFilter filter, Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return receivables.overdue(filter, today, caller).chain(rows -> {
            List<UUID> customerIds = rows.stream().map(r -> r.contract().customerId).distinct().toList();
            return receivables.customerNames(customerIds).map(names -> report(rows, names, today));
        });
    }

    private static ReceivablesReport report(List<ReceivablesRepository.Overdue> rows, Map<UUID, String> names, LocalDate today) {
        List<OverdueInstalment> overdue = rows.stream()
                .map(r -> overdue(r.instalment(), r.contract(), names, today))
                .collect(Collectors.toList());
        BigDecimal total = overdue.stream().map(OverdueInstalment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReceivablesReport(today, Aging.buckets(overdue), Money.plain(total), overdue);
    }

    private static OverdueInstalment overdue(Instalment i, Contract c, Map<UUID, String> names, LocalDate today) {
        long days = ChronoUnit.DAYS.between(i.dueOn, today);
        return new OverdueInstalment(c.id, c.number, c.opportunityId, c.customerId, names.get(c.customerId), i.id,
                i.dueOn, Money.plain(i.amount), Money.plain(i.outstanding()), days, Aging.of(days).label, c.ownerId,
                c.ownerTeam);
    }
}
