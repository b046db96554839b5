package org.salescrm.target;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

/** Enum query parameters, read strictly: {@code ?metric=PROFIT} is a 400 naming the parameter, not a 404. */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> E parse(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation(name, "format", "must be one of " + allowed)), "malformed-field", name,
                    value);
        }
    }
}
