-- Each customer's owner and team as the newest of its events said (version-gated): a review's action may name
-- only a customer the manager may see.
CREATE TABLE customer_owner (
    customer_id       UUID PRIMARY KEY,
    owner_id          TEXT,
    owner_team        TEXT,
    aggregate_version BIGINT NOT NULL
);

-- Customers consumed before this table existed: their creation's owner, at version 0 so that any later event of
-- theirs replaces it.
INSERT INTO customer_owner (customer_id, owner_id, owner_team, aggregate_version)
SELECT source_id, rep_id, team, 0 FROM actual_fact WHERE metric = 'NEW_CUSTOMERS'
ON CONFLICT (customer_id) DO NOTHING;
