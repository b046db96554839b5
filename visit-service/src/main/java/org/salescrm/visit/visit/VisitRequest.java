package org.salescrm.visit.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A visit as the mobile app logs it; owner, team, effective, lateEntry, version and timestamps are the server's. */
public record VisitRequest(
        @NotNull UUID customerId,
        @NotNull VisitMethod method,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = 4000) String summary,
        UUID clientId,
        UUID opportunityId,
        @Size(max = 50) List<@NotNull UUID> keyPersonIds,
        @Size(max = 2000) String purpose,
        Boolean purposeAchieved,
        @Min(0) @Max(1440) Integer durationMinutes,
        @Size(max = 2000) String customerFeedback,
        @Size(max = 2000) String needs,
        Sentiment sentiment,
        @Size(max = 2000) String competitorInfo,
        @Valid Location location,
        @Valid NextAction nextAction) {

    /** Where the rep checked in. */
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            // Bounded above: a JSON number such as 1e400 reads as Infinity, which no client can read back.
            @PositiveOrZero @DecimalMax("100000") Double accuracyMeters,
            @Size(max = 2000) String address) {
    }

    /** What comes next; becomes an open follow-up. */
    public record NextAction(
            @NotBlank @Size(max = 2000) String action,
            @NotNull LocalDate dueOn) {
    }
}
