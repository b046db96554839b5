package org.salescrm.platform.patch;

/** One field a patch changed, from what to what; either side may be {@code null} (empty). */
public record FieldChange(String field, Object from, Object to) {
}
