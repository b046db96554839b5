-- Stage playbooks: per stage the actions a rep takes, from DOMAIN.md's stage marks. A key is unique across
-- stages, so a tick names it alone. DATA items are proved by the records; TICK items are ticked with a note.
-- No item gates a move by default: an admin makes items gates (PUT /api/v1/playbooks/{stage}).
CREATE TABLE playbook_item (
    item_key  TEXT PRIMARY KEY,
    stage     TEXT    NOT NULL CHECK (stage IN ('TARGET', 'POTENTIAL', 'INTENT', 'PROJECT', 'ACKNOWLEDGED',
                                                'NEGOTIATION', 'WON')),
    position  INTEGER NOT NULL,
    title_zh  TEXT    NOT NULL,
    title_en  TEXT    NOT NULL,
    required  BOOLEAN NOT NULL,
    gate      BOOLEAN NOT NULL,
    proof     TEXT    NOT NULL CHECK (proof IN ('DATA', 'TICK'))
);
CREATE INDEX playbook_item_stage ON playbook_item (stage, position);

INSERT INTO playbook_item (item_key, stage, position, title_zh, title_en, required, gate, proof) VALUES
    ('first-visit', 'POTENTIAL', 0, '完成首次拜访', 'First visit done', true, false, 'DATA'),
    ('need-noted', 'POTENTIAL', 1, '记录客户需求与现有方案', 'Need and current solution noted', true, false, 'TICK'),
    ('need-confirmed', 'INTENT', 0, '客户确认需求', 'Need confirmed by the customer', true, false, 'TICK'),
    ('budget', 'PROJECT', 0, '预算已明确', 'Budget known', true, false, 'DATA'),
    ('timeline', 'PROJECT', 1, '采购时间表已明确', 'Timeline known', true, false, 'TICK'),
    ('person-in-charge', 'PROJECT', 2, '项目负责人已明确', 'Person in charge known', true, false, 'TICK'),
    ('buying-roles', 'PROJECT', 3, '采购角色已明确', 'Buying roles known', true, false, 'TICK'),
    ('coach', 'PROJECT', 4, '关键人中至少有一位教练', 'At least one coach among the key persons', true, false, 'DATA'),
    ('first-quote', 'ACKNOWLEDGED', 0, '已提交首次报价', 'First quote given', true, false, 'TICK'),
    ('shortlisted', 'ACKNOWLEDGED', 1, '已进入候选名单', 'On the shortlist', true, false, 'TICK'),
    ('schedule-fixed', 'NEGOTIATION', 0, '投标、谈判、签约时间已确定', 'Schedule for bid, negotiation and signing fixed',
        true, false, 'TICK'),
    ('formal-quote', 'NEGOTIATION', 1, '已提交正式报价', 'Formal quote given', true, false, 'TICK'),
    ('contract-signed', 'WON', 0, '合同已签订', 'Contract signed', true, false, 'DATA'),
    ('first-payment', 'WON', 1, '首笔回款已确认', 'First payment confirmed', true, false, 'DATA');

CREATE TABLE playbook_tick (
    id             UUID PRIMARY KEY,
    opportunity_id UUID        NOT NULL REFERENCES opportunity (id),
    -- No foreign key: an admin may take an item out of a playbook; its ticks stay and show again if it comes back.
    item_key       TEXT        NOT NULL,
    note           TEXT        NOT NULL,
    done_by        TEXT        NOT NULL,
    done_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (opportunity_id, item_key)
);
