package org.salescrm.platform.concurrency;

import java.util.List;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;

/**
 * Optimistic concurrency for updates: the client sends the {@code version} it read as
 * {@code If-Match}; none is a 428, another than the current one a 412, so no update is lost.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** Accepts {@code 3}, {@code "3"} and {@code W/"3"}. */
    public static long version(String header) {
        if (header == null || header.isBlank()) {
            throw Problems.versionRequired();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation("If-Match", "format", "must be the resource's version")),
                    "malformed-field", "If-Match", header);
        }
    }

    /** Throws the 412 when the record moved on since the client read it. */
    public static void check(long expected, long current) {
        if (expected != current) {
            throw Problems.staleVersion(expected, current);
        }
    }
}
