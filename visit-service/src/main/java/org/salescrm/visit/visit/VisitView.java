package org.salescrm.visit.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A visit as clients see it. */
public record VisitView(
        UUID id,
        UUID clientId,
        UUID customerId,
        UUID opportunityId,
        String ownerId,
        String ownerTeam,
        String loggedBy,
        VisitMethod method,
        Instant occurredAt,
        Instant loggedAt,
        List<UUID> keyPersonIds,
        String purpose,
        Boolean purposeAchieved,
        Integer durationMinutes,
        String summary,
        String customerFeedback,
        String needs,
        Sentiment sentiment,
        String competitorInfo,
        LocationView location,
        NextActionView nextAction,
        UUID followUpId,
        boolean effective,
        boolean lateEntry,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public record LocationView(Double lat, Double lon, Double accuracyMeters, String address) {
    }

    public record NextActionView(String action, LocalDate dueOn) {
    }

    static VisitView of(Visit v) {
        LocationView location = v.locationLat == null ? null
                : new LocationView(v.locationLat, v.locationLon, v.locationAccuracy, v.locationAddress);
        NextActionView next = v.nextAction == null ? null : new NextActionView(v.nextAction, v.nextActionDueOn);
        return new VisitView(v.id, v.clientId, v.customerId, v.opportunityId, v.ownerId, v.ownerTeam, v.loggedBy,
                v.method, v.occurredAt, v.loggedAt, v.keyPersonIds, v.purpose, v.purposeAchieved, v.durationMinutes,
                v.summary, v.customerFeedback, v.needs, v.sentiment, v.competitorInfo, location, next, v.followUpId,
                v.effective, v.lateEntry, v.version, v.createdAt, v.updatedAt);
    }
}
