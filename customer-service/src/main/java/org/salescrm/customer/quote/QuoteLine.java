package org.salescrm.customer.quote;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of a quote: a product line, how many, at what unit price, less what discount. */
@Entity
@Table(name = "quote_line")
public class QuoteLine {

    @Id
    public UUID id;

    public UUID quoteId;

    /** 1, 2, … in the order the client sent them. */
    public int lineNo;

    public String productLine;

    public BigDecimal quantity;

    public BigDecimal unitPrice;

    /** A ratio off the line: 0.15 is 15% off. */
    public BigDecimal discount;

    /** quantity × unitPrice × (1 − discount), rounded half up to the cent. */
    public BigDecimal amount;
}
