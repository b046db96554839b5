-- Soft deletes from customer-service (CustomerDeleted/-Restored, OpportunityDeleted/-Restored,
-- KeyPersonDeleted/-Restored), version-gated with the rest of each fact: an archived customer or
-- opportunity leaves every report, figure and rule until it is restored. An opportunity of an
-- archived customer is archived through it (its own flag says only whether it was deleted itself).
ALTER TABLE customer_fact ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE opportunity_fact ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE key_person_fact ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX customer_fact_archived ON customer_fact (customer_id) WHERE archived;

-- What each customer (new customer, visits) and each opportunity (won deal) added to rep_activity,
-- per rep and business day: archiving takes exactly that out of the counters, restoring puts it back.
CREATE TABLE activity_share (
    subject_id       UUID           NOT NULL,
    customer_id      UUID           NOT NULL,
    owner_id         TEXT           NOT NULL,
    day              DATE           NOT NULL,
    owner_team       TEXT,
    new_customers    INTEGER        NOT NULL DEFAULT 0,
    visits           INTEGER        NOT NULL DEFAULT 0,
    effective_visits INTEGER        NOT NULL DEFAULT 0,
    won_deals        INTEGER        NOT NULL DEFAULT 0,
    won_amount       NUMERIC(19, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (subject_id, owner_id, day)
);
CREATE INDEX activity_share_customer ON activity_share (customer_id);

-- The shares of what was counted before this version, from the facts as they now stand (business
-- days in the default crm.time-zone, Asia/Shanghai): new customers by their first version's owner and
-- day, visits by their rep and day, wins by the deal's owner and day won.
INSERT INTO activity_share (subject_id, customer_id, owner_id, day, owner_team, new_customers)
SELECT DISTINCT ON (v.customer_id) v.customer_id, v.customer_id, v.owner_id,
       (v.occurred_at AT TIME ZONE 'Asia/Shanghai')::date, v.owner_team, 1
FROM customer_version v
WHERE v.owner_id IS NOT NULL
  AND v.aggregate_version = (SELECT min(f.aggregate_version) FROM customer_version f WHERE f.customer_id = v.customer_id)
ORDER BY v.customer_id
ON CONFLICT DO NOTHING;
INSERT INTO activity_share (subject_id, customer_id, owner_id, day, owner_team, visits, effective_visits)
SELECT v.customer_id, v.customer_id, v.owner_id, (v.occurred_at AT TIME ZONE 'Asia/Shanghai')::date,
       max(v.owner_team), count(*), count(*) FILTER (WHERE v.effective)
FROM visit_fact v WHERE v.owner_id IS NOT NULL
GROUP BY v.customer_id, v.owner_id, (v.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
ON CONFLICT (subject_id, owner_id, day) DO UPDATE SET visits = EXCLUDED.visits,
    effective_visits = EXCLUDED.effective_visits;
INSERT INTO activity_share (subject_id, customer_id, owner_id, day, owner_team, won_deals, won_amount)
SELECT o.opportunity_id, o.customer_id, o.owner_id, o.won_on, o.owner_team, 1, o.amount
FROM opportunity_fact o WHERE o.won_on IS NOT NULL AND o.owner_id IS NOT NULL
ON CONFLICT DO NOTHING;
