-- When the current owner got the customer (created, claimed, transferred): the start of a new
-- owner's silence, so a claimed customer last contacted long ago is not reclaimed at once.
ALTER TABLE customer ADD COLUMN owner_since TIMESTAMPTZ;
UPDATE customer SET owner_since = created_at;
ALTER TABLE customer ALTER COLUMN owner_since SET NOT NULL;
-- The silence (its start) a reclaim warning was published for: one warning per silence.
ALTER TABLE customer ADD COLUMN reclaim_warned_for TIMESTAMPTZ;

CREATE INDEX customer_reclaim_scan ON customer (owner_id, grade) WHERE owner_id IS NOT NULL AND deleted_at IS NULL;

-- Who changed what and when: profile edits field by field, and every change of owner.
CREATE TABLE customer_history (
    id            UUID PRIMARY KEY,
    -- Entries of one change share their instant; the sequence keeps them in the order written.
    seq           BIGSERIAL   NOT NULL,
    customer_id   UUID        NOT NULL REFERENCES customer (id),
    at            TIMESTAMPTZ NOT NULL,
    by            TEXT        NOT NULL,
    change        TEXT        NOT NULL CHECK (change IN
                      ('CREATED', 'UPDATED', 'OWNER_CHANGED', 'RELEASED', 'CLAIMED', 'RECLAIMED')),
    from_owner_id TEXT,
    to_owner_id   TEXT,
    details       TEXT        NOT NULL
);
CREATE INDEX customer_history_of ON customer_history (customer_id, seq);
-- The claim cooldown looks up when a rep last lost a customer to the pool.
CREATE INDEX customer_history_pool_exits ON customer_history (customer_id, from_owner_id, at)
    WHERE change IN ('RELEASED', 'RECLAIMED');

-- Customers created before history was kept start theirs with their creation.
INSERT INTO customer_history (id, customer_id, at, by, change, from_owner_id, to_owner_id, details)
SELECT gen_random_uuid(), id, created_at, created_by, 'CREATED', NULL, owner_id,
       jsonb_build_object('toOwnerId', owner_id, 'toTeam', owner_team)::text
FROM customer;
