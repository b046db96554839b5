-- Soft delete (customers already had deleted_at): a deleted key person or opportunity answers as a missing one
-- until restored. Children of a deleted customer keep their own deleted_at: they are hidden through the customer,
-- so restoring the customer brings back exactly those that were not deleted on their own.
ALTER TABLE key_person ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE opportunity ADD COLUMN deleted_at TIMESTAMPTZ;

ALTER TABLE customer_history DROP CONSTRAINT customer_history_change_check;
ALTER TABLE customer_history ADD CONSTRAINT customer_history_change_check CHECK (change IN
    ('CREATED', 'UPDATED', 'OWNER_CHANGED', 'RELEASED', 'CLAIMED', 'RECLAIMED', 'DELETED', 'RESTORED'));
