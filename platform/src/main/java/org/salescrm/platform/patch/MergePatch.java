package org.salescrm.platform.patch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A JSON Merge Patch (RFC 7396) read against a record of the fields a client may change: a field
 * left out stays as it is, a field sent as {@code null} is cleared, any other value replaces the
 * current one. {@link #values()} holds the typed values ({@code null} both for absent and cleared
 * fields); {@link #has(String)} tells them apart. Read one with {@link MergePatches#read}.
 *
 * @param <T> the record naming the settable fields, with the rules a present value must keep
 */
public final class MergePatch<T extends Record> {

    private final T values;
    private final Set<String> present;

    MergePatch(T values, Set<String> present) {
        this.values = values;
        this.present = Collections.unmodifiableSet(new LinkedHashSet<>(present));
    }

    public T values() {
        return values;
    }

    /** Whether the body names the field, with a value or with {@code null}. */
    public boolean has(String field) {
        return present.contains(field);
    }

    /** The fields the body names, in the order sent. */
    public Set<String> fields() {
        return present;
    }

    /** The value sent for a field, by name; {@code null} when cleared or absent. */
    public Object value(String field) {
        RecordComponent component = Arrays.stream(values.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a field of " + values.getClass() + ": " + field));
        try {
            return component.getAccessor().invoke(values);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    /** Starts applying the patch to an entity, field by field, collecting what really changed. */
    public Changes changes() {
        return new Changes();
    }

    /** Applies the fields the patch names and lists those whose value really changed, in the order applied. */
    public final class Changes {

        private final List<FieldChange> changed = new ArrayList<>();

        private Changes() {
        }

        /**
         * Sets the field to the requested value when the patch names it and the value differs from
         * the current one (100 and 100.00 are one amount).
         */
        public <V> Changes set(String field, Function<T, V> requested, V current, Consumer<V> setter) {
            if (!has(field)) {
                return this;
            }
            V to = requested.apply(values);
            if (!same(current, to)) {
                setter.accept(to);
                changed.add(new FieldChange(field, current, to));
            }
            return this;
        }

        public List<FieldChange> list() {
            return List.copyOf(changed);
        }

        private static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            return Objects.equals(a, b);
        }
    }
}
