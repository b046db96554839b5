package org.salescrm.visit.visit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.PageRequest;

@ApplicationScoped
public class VisitCorrectionRepository implements PanacheRepositoryBase<VisitCorrection, UUID> {

    /** A visit's corrections, oldest first. */
    public Uni<List<VisitCorrection>> history(UUID visitId, PageRequest page) {
        if (page.after() == null) {
            return find("visitId = ?1 order by changedAt, id", visitId)
                    .range(0, page.fetchSize() - 1).list();
        }
        return find("visitId = ?1 and (changedAt > ?2 or (changedAt = ?2 and id > ?3)) order by changedAt, id",
                visitId, page.after().sortInstant(), page.after().id())
                .range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(VisitCorrection correction) {
        return new Cursor(correction.changedAt.toString(), correction.id);
    }
}
