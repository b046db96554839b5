package org.salescrm.customer.playbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.salescrm.customer.opportunity.Stage;

/** One action of a stage's playbook; its key is unique across all stages, so a tick names it alone. */
@Entity
@Table(name = "playbook_item")
public class PlaybookItem {

    public static final String DATA = "DATA";
    public static final String TICK = "TICK";

    @Id
    @Column(name = "item_key")
    public String key;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    public int position;

    public String titleZh;

    public String titleEn;

    /** Shown as required (必做) rather than recommended; only {@link #gate} holds a stage move. */
    public boolean required;

    /** A move into or past the stage needs this item done. */
    public boolean gate;

    /** DATA: proved from the records (see {@link DataProofs}); TICK: ticked by hand with a note. */
    public String proof;

    public boolean provedByData() {
        return DATA.equals(proof);
    }
}
