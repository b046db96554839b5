package org.salescrm.platform.problem;

import java.util.List;

/** The failures every service raises, so that each kind has one status and one {@code type}. */
public final class Problems {

    private Problems() {
    }

    /** Missing, or out of the caller's reach: the two must be indistinguishable. */
    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(404, "not-found", "not-found", resource, id);
    }

    public static ProblemException conflict(String slug, String detailKey, Object... args) {
        return new ProblemException(409, slug, detailKey, args);
    }

    /** Valid JSON that breaks a business rule; names each offending field. */
    public static ProblemException ruleViolated(String slug, List<FieldViolation> violations, String detailKey,
                                                Object... args) {
        return new ProblemException(422, slug, violations, detailKey, args);
    }

    public static ProblemException staleVersion(long expected, long current) {
        return new ProblemException(412, "stale-version", "stale-version", expected, current)
                .with("currentVersion", current);
    }

    public static ProblemException versionRequired() {
        return new ProblemException(428, "if-match-required", "if-match-required");
    }

    public static ProblemException forbidden(String detailKey, Object... args) {
        return new ProblemException(403, "forbidden", detailKey, args);
    }
}
