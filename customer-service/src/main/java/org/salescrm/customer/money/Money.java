package org.salescrm.customer.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the quote, contract and receivables features round and write amounts. */
public final class Money {

    private Money() {
    }

    /** To the cent, half up, as finance rounds a discounted line. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** 120000.00 as stored reads 120000, as it was sent; never in exponent form. */
    public static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
