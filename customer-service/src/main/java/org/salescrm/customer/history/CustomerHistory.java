package org.salescrm.customer.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;

/**
 * Writes a customer's history inside the change's own transaction, and reads it back page by page.
 * It knows nothing of customers: who may read a customer's history is decided in {@code customer}.
 */
@ApplicationScoped
public class CustomerHistory {

    private final CustomerHistoryRepository entries;
    private final ObjectMapper json;

    public CustomerHistory(CustomerHistoryRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    public Uni<Void> created(UUID customerId, Instant at, String by, String ownerId, String ownerTeam) {
        return record(customerId, at, by, CustomerChange.CREATED, null, ownerId,
                details("toOwnerId", ownerId, "toTeam", ownerTeam));
    }

    public Uni<Void> fieldChanged(UUID customerId, Instant at, String by, String field, Object from, Object to) {
        return record(customerId, at, by, CustomerChange.UPDATED, null, null,
                details("field", field, "from", from, "to", to));
    }

    public Uni<Void> ownerChanged(UUID customerId, Instant at, String by, CustomerChange change, String fromOwnerId,
                                  String fromTeam, String toOwnerId, String toTeam, String reason) {
        return record(customerId, at, by, change, fromOwnerId, toOwnerId, details("fromOwnerId", fromOwnerId,
                "fromTeam", fromTeam, "toOwnerId", toOwnerId, "toTeam", toTeam, "reason", reason));
    }

    /** A soft delete ({@code DELETED}) or its undoing ({@code RESTORED}). */
    public Uni<Void> deletion(UUID customerId, Instant at, String by, CustomerChange change) {
        return record(customerId, at, by, change, null, null, details());
    }

    public Uni<Instant> lastPoolExit(UUID customerId, String ownerId) {
        return entries.lastPoolExit(customerId, ownerId);
    }

    /** A page of the customer's history; whether the caller may read it is the customer's business. */
    public Uni<Page<CustomerHistoryView>> page(UUID customerId, PageRequest page) {
        return entries.of(customerId, page)
                .map(rows -> Page.of(rows, page, CustomerHistoryRepository::cursorOf, this::view));
    }

    private Uni<Void> record(UUID customerId, Instant at, String by, CustomerChange change, String fromOwnerId,
                             String toOwnerId, Map<String, Object> details) {
        CustomerHistoryEntry entry = new CustomerHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.customerId = customerId;
        entry.at = at;
        entry.by = by;
        entry.change = change;
        entry.fromOwnerId = fromOwnerId;
        entry.toOwnerId = toOwnerId;
        entry.details = write(details);
        return entries.persist(entry).replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    private CustomerHistoryView view(CustomerHistoryEntry entry) {
        try {
            return new CustomerHistoryView(entry.at, entry.by, entry.change.name(),
                    json.readValue(entry.details, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry " + entry.id + " holds no JSON", e);
        }
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("history details cannot be written", e);
        }
    }

    /** Keeps nulls: "from": null says the field was empty before. */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
