-- Customers and opportunities deleted (soft) in customer-service, as their latest applied delete or
-- restore said (version-gated): while archived, their facts and deals count toward nothing.
CREATE TABLE archived_record (
    record_id         UUID PRIMARY KEY,
    archived          BOOLEAN NOT NULL,
    aggregate_version BIGINT  NOT NULL
);
CREATE INDEX archived_record_now ON archived_record (record_id) WHERE archived;

-- The deal a fact belongs to (won, lost, and the payments collected on it), so an archived deal's
-- facts leave every figure. Facts of a deal are keyed by it; earlier payments do not say which deal.
ALTER TABLE actual_fact ADD COLUMN opportunity_id UUID;
UPDATE actual_fact SET opportunity_id = source_id WHERE metric IN ('REVENUE', 'WON_DEALS', 'LOST_DEALS');
