package org.salescrm.customer.contract;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One instalment of a contract's payment plan: what is due when, and how much of it came in. */
@Entity
@Table(name = "instalment")
public class Instalment {

    @Id
    public UUID id;

    public UUID contractId;

    /** 1, 2, … in the order of the plan as sent. */
    public int instalmentNo;

    public LocalDate dueOn;

    public BigDecimal amount;

    public BigDecimal collected;

    public BigDecimal outstanding() {
        return amount.subtract(collected);
    }

    /** Unpaid after its due date: an instalment due today is not overdue yet. */
    public boolean overdueOn(LocalDate today) {
        return outstanding().signum() > 0 && dueOn.isBefore(today);
    }
}
