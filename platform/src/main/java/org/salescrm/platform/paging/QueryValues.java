package org.salescrm.platform.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.time.Period;

/**
 * Query parameters read strictly: {@code ?pool=maybe}, {@code ?metric=PROFIT} or {@code ?customerId=42}
 * is a 400 naming the parameter, not a quiet "no filter" and not the framework's 404. A blank value is
 * no filter.
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(name, value, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw malformed(name, value, "must be one of " + allowed);
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw malformed(name, value, "must be a UUID");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw malformed(name, value, "must be a date, YYYY-MM-DD");
        }
    }

    /**
     * An instant, or a date meaning the start of that business day ({@code endOfDay} false) or the
     * start of the next one ({@code endOfDay} true), so {@code from=2026-11-03&to=2026-11-03} is that whole day.
     */
    public static Instant instantOrDate(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            LocalDate day = date(name, text);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
    }

    /** A period ({@code 2026}, {@code 2026-Q4}, {@code 2026-11}, {@code 2026-W47}), or null when none is given. */
    public static Period period(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Period period = Period.tryParse(value.strip());
        if (period == null) {
            throw malformed(name, value, Period.RULE);
        }
        return period;
    }

    private static ProblemException malformed(String name, String value, String rule) {
        return new ProblemException(400, "malformed-field", List.of(new FieldViolation(name, "format", rule)),
                "malformed-field", name, value);
    }
}
