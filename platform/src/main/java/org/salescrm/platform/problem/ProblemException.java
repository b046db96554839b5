package org.salescrm.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. The detail is a message key looked up in the service's
 * {@code problems} bundle (then the platform's), in the language of {@code Accept-Language}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String detailKey;
    private final Object[] detailArgs;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final List<FieldViolation> violations;

    public ProblemException(int status, String slug, List<FieldViolation> violations, String detailKey,
                            Object... detailArgs) {
        super(slug + ": " + detailKey);
        this.status = status;
        this.slug = slug;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(int status, String slug, String detailKey, Object... detailArgs) {
        this(status, slug, List.of(), detailKey, detailArgs);
    }

    /** Adds a member to the problem body, such as {@code existingCustomerId}. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs.clone();
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
