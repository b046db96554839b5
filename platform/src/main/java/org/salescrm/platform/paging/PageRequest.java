package org.salescrm.platform.paging;

import java.util.List;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;

/** {@code ?limit=&cursor=} of a list call: limit 1 to 200, default 50; no cursor for the first page. */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** From the raw query parameters, so that {@code ?limit=ten} is a 400 on {@code limit}, not a missing resource. */
    public static PageRequest of(String limit, String cursor) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation("limit", "format", "must be a whole number")),
                    "malformed-field", "limit", limit);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("limit", "Range", "must be between 1 and " + MAX_LIMIT)),
                    "validation", "limit");
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
    }

    /** Fetch one more than the page holds: its presence says whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}
