package org.salescrm.platform.paging;

import java.util.List;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

/** Yes/no query parameters, read strictly: {@code ?pool=maybe} is a 400, not a quiet "false". */
public final class QueryFlags {

    private QueryFlags() {
    }

    public static Boolean parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation(name, "format", "must be true or false")), "malformed-field", name, value);
        };
    }
}
