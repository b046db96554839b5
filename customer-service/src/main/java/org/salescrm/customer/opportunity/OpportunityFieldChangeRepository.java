package org.salescrm.customer.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

@ApplicationScoped
public class OpportunityFieldChangeRepository implements PanacheRepositoryBase<OpportunityFieldChange, UUID> {

    /** Oldest first, from the cursor on. */
    public Uni<List<OpportunityFieldChange>> page(UUID opportunityId, PageRequest page) {
        if (page.after() == null) {
            return find("opportunityId = ?1 order by seq", opportunityId).range(0, page.fetchSize() - 1).list();
        }
        return find("opportunityId = ?1 and seq > ?2 order by seq", opportunityId, seqOf(page.after()))
                .range(0, page.fetchSize() - 1).list();
    }

    static Cursor cursorOf(OpportunityFieldChange c) {
        return new Cursor(c.seq.toString(), c.id);
    }

    private static long seqOf(Cursor cursor) {
        try {
            return Long.parseLong(cursor.sortValue());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation("cursor", "format", "not a cursor from this list")),
                    "malformed-field", "cursor", cursor.encode());
        }
    }
}
