package org.salescrm.visit.visit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.PageRequest;

@ApplicationScoped
public class VisitCorrectionRepository implements PanacheRepositoryBase<VisitCorrection, UUID> {

    /** A visit's corrections, oldest first. */
    public Uni<List<VisitCorrection>> history(UUID visitId, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("visitId", visitId));
        String where = "visitId = :visitId" + Keyset.OLDEST_FIRST.andAfter("changedAt", page, params);
        return find(where + Keyset.OLDEST_FIRST.orderBy("changedAt"), params).range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(VisitCorrection correction) {
        return new Cursor(correction.changedAt.toString(), correction.id);
    }
}
