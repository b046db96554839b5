-- What a batch adds to the reps' daily counters, written to rep_activity at the batch's end with one statement.
-- Two consumers' batches add to the same reps' rows: a counter written early in a batch stayed locked until the
-- batch committed, and the other consumer's batch waited on it the whole time. A batch's rows here are seen by it
-- alone (uncommitted) and deleted before it commits; unlogged, as no committed row is ever left to keep.
CREATE UNLOGGED TABLE rep_activity_delta (
    seq              BIGSERIAL      PRIMARY KEY,
    owner_id         TEXT           NOT NULL,
    day              DATE           NOT NULL,
    owner_team       TEXT,
    new_customers    INTEGER        NOT NULL,
    visits           INTEGER        NOT NULL,
    effective_visits INTEGER        NOT NULL,
    won_deals        INTEGER        NOT NULL,
    won_amount       NUMERIC(19, 2) NOT NULL
);
