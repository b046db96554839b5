package org.salescrm.analytics.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code POST /api/v1/alerts/scan} answers: {@code {"evaluated": n}} for a scan it ran, or
 * {@code {"evaluated": 0, "alreadyRunning": true}} when a scan (of this or another instance) was running, in
 * which case it answers at once instead of waiting for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanResult(int evaluated, Boolean alreadyRunning) {

    static ScanResult ran(int evaluated) {
        return new ScanResult(evaluated, null);
    }

    static ScanResult skipped() {
        return new ScanResult(0, true);
    }
}
