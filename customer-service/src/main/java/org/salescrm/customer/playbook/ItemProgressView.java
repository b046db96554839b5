package org.salescrm.customer.playbook;

import java.time.Instant;

/**
 * One item for one opportunity. A DATA item is done while the records prove it (doneBy and doneAt
 * stay null); a TICK item once ticked, with who, when and the note.
 */
public record ItemProgressView(String key, PlaybookTitle title, boolean required, boolean gate, String proof,
                               boolean done, String doneBy, Instant doneAt, String note) {
}
