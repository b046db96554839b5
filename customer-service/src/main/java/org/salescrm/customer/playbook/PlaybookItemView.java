package org.salescrm.customer.playbook;

/** One item of a stage's playbook. */
public record PlaybookItemView(String key, PlaybookTitle title, boolean required, boolean gate, String proof) {

    static PlaybookItemView of(PlaybookItem item) {
        return new PlaybookItemView(item.key, new PlaybookTitle(item.titleZh, item.titleEn), item.required, item.gate,
                item.proof);
    }
}
