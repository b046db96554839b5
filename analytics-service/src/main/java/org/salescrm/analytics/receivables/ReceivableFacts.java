package org.salescrm.analytics.receivables;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.salescrm.analytics.Sql;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.ContractSigned;
import org.salescrm.events.customer.PaymentReceived;

/**
 * Applies contracts and payments (crm.opportunities) to {@code receivable_instalment}: each instalment with what
 * is still owed on it. Runs inside the inbox's transaction; an instalment row only takes a newer contract version.
 */
@ApplicationScoped
public class ReceivableFacts {

    /** A round of the batch: contracts and payments are rare beside deals and visits, and written one by one. */
    public Uni<Void> apply(List<DomainEvent> round) {
        return Sql.each(round, this::apply);
    }

    private Uni<Void> apply(DomainEvent event) {
        if (event instanceof ContractSigned e) {
            return signed(e);
        }
        if (event instanceof PaymentReceived e) {
            return paid(e);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> signed(ContractSigned e) {
        return Multi.createFrom().iterable(e.instalments())
                .onItem().transformToUniAndConcatenate(i -> Sql.update("""
                                INSERT INTO receivable_instalment (instalment_id, contract_id, contract_number,
                                    customer_id, opportunity_id, owner_id, owner_team, due_on, amount, outstanding,
                                    currency, aggregate_version)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)
                                ON CONFLICT (instalment_id) DO NOTHING""",
                        i.instalmentId(), e.aggregateId(), e.number(), e.customerId(), e.opportunityId(), e.ownerId(),
                        e.ownerTeam(), i.dueOn(), i.amount(), e.currency(), e.aggregateVersion()))
                .collect().last().replaceWithVoid();
    }

    /** The payment says what the instalment still owes after it; the owner is the contract's as of the payment. */
    private Uni<Void> paid(PaymentReceived e) {
        return Sql.update("""
                        UPDATE receivable_instalment SET outstanding = ?2, owner_id = ?3, owner_team = ?4,
                                                         aggregate_version = ?5
                        WHERE instalment_id = ?1 AND aggregate_version < ?5""",
                e.instalmentId(), e.instalmentOutstanding(), e.ownerId(), e.ownerTeam(), e.aggregateVersion())
                .replaceWithVoid();
    }
}
