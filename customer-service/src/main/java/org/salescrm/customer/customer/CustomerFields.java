package org.salescrm.customer.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.salescrm.platform.patch.FieldChange;
import org.salescrm.platform.patch.MergePatch;

/** Reads and writes a customer's client-settable fields by name, as a PATCH names them. */
final class CustomerFields {

    /** In the order a client reads them, so the history and changedFields list them alike. */
    private static final List<String> ORDER = List.of(
            "name", "industry", "region", "scale", "source", "phone", "creditCode", "address", "grade");

    private CustomerFields() {
    }

    /** The fields the patch really changes: a value equal to the current one is no change. */
    static List<FieldChange> changes(Customer c, MergePatch<CustomerPatch> patch) {
        List<FieldChange> changes = new ArrayList<>();
        for (String field : ORDER) {
            if (!patch.has(field)) {
                continue;
            }
            String from = get(c, field);
            String to = stored(field, (String) patch.value(field));
            if (!Objects.equals(from, to)) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        return changes;
    }

    static void set(Customer c, FieldChange change) {
        String v = (String) change.to();
        switch (change.field()) {
            case "name" -> {
                c.name = v;
                c.normalizedName = CustomerNames.normalize(v);
            }
            case "industry" -> c.industry = v;
            case "region" -> c.region = v;
            case "scale" -> c.scale = v;
            case "source" -> c.source = v;
            case "phone" -> c.phone = v;
            case "creditCode" -> c.creditCode = v;
            case "address" -> c.address = v;
            case "grade" -> c.grade = v;
            default -> throw new IllegalArgumentException("not a settable field: " + change.field());
        }
    }

    /** The identity fields the customer would have after the changes, for the duplicate check. */
    static Customer preview(Customer c, List<FieldChange> changes) {
        Customer after = new Customer();
        after.name = c.name;
        after.normalizedName = c.normalizedName;
        after.phone = c.phone;
        after.creditCode = c.creditCode;
        changes.forEach(change -> set(after, change));
        return after;
    }

    private static String get(Customer c, String field) {
        return switch (field) {
            case "name" -> c.name;
            case "industry" -> c.industry;
            case "region" -> c.region;
            case "scale" -> c.scale;
            case "source" -> c.source;
            case "phone" -> c.phone;
            case "creditCode" -> c.creditCode;
            case "address" -> c.address;
            case "grade" -> c.grade;
            default -> throw new IllegalArgumentException("not a settable field: " + field);
        };
    }

    /** A value as the customer keeps it: names stripped, phones as digits, credit codes upper case. */
    private static String stored(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "name" -> value.strip();
            case "phone" -> CustomerNames.normalizePhone(value);
            case "creditCode" -> CustomerNames.normalizeCreditCode(value);
            default -> value;
        };
    }
}
