package org.salescrm.customer.keyperson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Applies a PATCH to a key person and names the fields that really changed. */
final class KeyPersonPatches {

    private KeyPersonPatches() {
    }

    static List<String> apply(KeyPerson k, KeyPersonPatch patch) {
        List<String> changed = new ArrayList<>();
        set(changed, "name", patch.name() == null ? null : patch.name().strip(), () -> k.name, v -> k.name = v);
        set(changed, "title", patch.title(), () -> k.title, v -> k.title = v);
        set(changed, "department", patch.department(), () -> k.department, v -> k.department = v);
        set(changed, "phone", patch.phone(), () -> k.phone, v -> k.phone = v);
        set(changed, "email", patch.email(), () -> k.email, v -> k.email = v);
        set(changed, "kpType", patch.kpType(), () -> k.kpType, v -> k.kpType = v);
        set(changed, "buyingRole", patch.buyingRole(), () -> k.buyingRole, v -> k.buyingRole = v);
        set(changed, "attitude", patch.attitude(), () -> k.attitude, v -> k.attitude = v);
        set(changed, "reportsToId", patch.reportsToId(), () -> k.reportsToId, v -> k.reportsToId = v);
        return changed;
    }

    private static <T> void set(List<String> changed, String field, T requested, Supplier<T> current,
                                Consumer<T> setter) {
        if (requested != null && !Objects.equals(requested, current.get())) {
            setter.accept(requested);
            changed.add(field);
        }
    }
}
