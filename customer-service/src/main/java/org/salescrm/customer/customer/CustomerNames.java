package org.salescrm.customer.customer;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How names, phones and credit codes are compared when looking for a customer that already exists. */
public final class CustomerNames {

    private static final Pattern SPACES_AND_PUNCTUATION = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");
    /** Legal-form suffixes, longest first, already normalised; only one is removed. */
    private static final List<String> LEGAL_FORMS = List.of(
            "有限责任公司", "股份有限公司", "有限公司", "公司", "coltd", "ltd", "inc", "llc");

    private CustomerNames() {
    }

    /** NFKC, case folded, spaces and punctuation removed, then one legal-form suffix dropped from the end. */
    public static String normalize(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String compact = SPACES_AND_PUNCTUATION.matcher(folded).replaceAll("");
        for (String form : LEGAL_FORMS) {
            if (compact.endsWith(form) && compact.length() > form.length()) {
                return compact.substring(0, compact.length() - form.length());
            }
        }
        return compact;
    }

    /** Digits only, so "+86 138-0000-0000" and "8613800000000" are one phone. */
    public static String normalizePhone(String phone) {
        return phone == null ? null : phone.replaceAll("\\D", "");
    }

    public static String normalizeCreditCode(String code) {
        return code == null ? null : Normalizer.normalize(code, Normalizer.Form.NFKC).trim().toUpperCase(Locale.ROOT);
    }
}
