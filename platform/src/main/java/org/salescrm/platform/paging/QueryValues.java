package org.salescrm.platform.paging;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

/**
 * Query parameters read strictly: {@code ?pool=maybe} or {@code ?metric=PROFIT} is a 400 naming the
 * parameter, not a quiet "no filter" and not the framework's 404.
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

    private static ProblemException malformed(String name, String value, String rule) {
        return new ProblemException(400, "malformed-field", List.of(new FieldViolation(name, "format", rule)),
                "malformed-field", name, value);
    }
}
