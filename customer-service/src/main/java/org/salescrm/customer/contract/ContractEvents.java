package org.salescrm.customer.contract;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.salescrm.events.EventIds;
import org.salescrm.events.customer.ContractSigned;
import org.salescrm.events.customer.PaymentReceived;

/** The events of a contract; each carries the contract's version after the change. */
final class ContractEvents {

    private ContractEvents() {
    }

    /** Business time is the start of the signing day: the deal's money counts from that day. */
    static ContractSigned signed(Contract c, List<Instalment> plan, ZoneId zone) {
        return new ContractSigned(EventIds.next(), c.id, c.version, c.ownerId, c.ownerTeam,
                c.signedOn.atStartOfDay(zone).toInstant(), c.customerId, c.opportunityId, c.number, c.signedOn,
                c.amount, c.currency, plan.stream()
                        .map(i -> new ContractSigned.Instalment(i.id, i.dueOn, i.amount)).toList());
    }

    /** Business time is the start of the day the money came in, as the event's contract says. */
    static PaymentReceived received(Contract c, Payment p, Instalment paid, List<Instalment> plan, ZoneId zone) {
        return new PaymentReceived(EventIds.next(), c.id, c.version, c.ownerId, c.ownerTeam,
                p.receivedOn.atStartOfDay(zone).toInstant(), c.customerId, c.opportunityId, p.id, paid.id,
                p.receivedOn, p.amount, c.currency, paid.outstanding(),
                plan.stream().map(Instalment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
