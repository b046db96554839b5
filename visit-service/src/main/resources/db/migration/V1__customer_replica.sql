-- Who owns which customer, kept from crm.customers events: the access check for visits reads it,
-- never customer-service itself.
CREATE TABLE customer_replica (
    customer_id       UUID PRIMARY KEY,
    name              TEXT   NOT NULL,
    grade             CHAR(1),
    owner_id          TEXT,
    owner_team        TEXT,
    aggregate_version BIGINT NOT NULL
);
CREATE INDEX customer_replica_owner ON customer_replica (owner_id);
