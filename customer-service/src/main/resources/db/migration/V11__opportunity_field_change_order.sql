-- One PATCH writes several rows with one timestamp; the sequence keeps them in the order written.
ALTER TABLE opportunity_field_change ADD COLUMN seq BIGSERIAL;
CREATE INDEX opportunity_field_change_seq ON opportunity_field_change (opportunity_id, seq);
