package org.salescrm.customer.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.customer.money.Money;

/**
 * A payment, with its contract's instalments, collected and outstanding as they stand now. A payment is
 * never changed, so its version stays 0.
 */
public record PaymentView(
        UUID id,
        UUID contractId,
        UUID instalmentId,
        LocalDate receivedOn,
        BigDecimal amount,
        String currency,
        String recordedBy,
        List<InstalmentView> instalments,
        BigDecimal contractCollected,
        BigDecimal contractOutstanding,
        String ownerId,
        String ownerTeam,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static PaymentView of(Payment p, Contract c, List<Instalment> plan, LocalDate today) {
        ContractView contract = ContractView.of(c, plan, today);
        return new PaymentView(p.id, p.contractId, p.instalmentId, p.receivedOn, Money.plain(p.amount), c.currency,
                p.recordedBy, contract.instalments(), contract.collected(), contract.outstanding(), c.ownerId,
                c.ownerTeam, 0, p.createdAt, p.createdAt);
    }
}
