-- Soft deletes from customer-service (CustomerDeleted/-Restored, KeyPersonDeleted/-Restored,
-- OpportunityDeleted/-Restored): an archived customer answers as unknown, an archived key person is
-- not active, an archived opportunity is not open, until restored.
ALTER TABLE customer_replica ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE key_person_replica ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE opportunity_replica ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX customer_replica_archived ON customer_replica (customer_id) WHERE archived;
