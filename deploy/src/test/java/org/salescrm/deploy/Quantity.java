package org.salescrm.deploy;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities (250m, 1, 512Mi, 1Gi) as numbers, to compare requests with limits. */
final class Quantity {

    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"), "", BigDecimal.ONE,
            "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L), "G", BigDecimal.valueOf(1_000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30));

    private Quantity() {
    }

    static BigDecimal parse(String quantity) {
        String number = quantity.replaceAll("[A-Za-z]+$", "");
        BigDecimal factor = SUFFIXES.get(quantity.substring(number.length()));
        if (factor == null || number.isEmpty()) {
            throw new IllegalArgumentException("not a quantity this check knows: " + quantity);
        }
        return new BigDecimal(number).multiply(factor);
    }
}
