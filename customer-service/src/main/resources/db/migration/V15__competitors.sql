-- Competitors met on a deal, and the one a lost deal went to (as the rep named it).
CREATE TABLE opportunity_competitor (
    id              UUID PRIMARY KEY,
    opportunity_id  UUID        NOT NULL REFERENCES opportunity (id),
    name            TEXT        NOT NULL,
    -- lower-case, trimmed: one competitor per deal, and the report groups by it
    normalized_name TEXT        NOT NULL,
    strengths       TEXT,
    weaknesses      TEXT,
    price_position  TEXT CHECK (price_position IN ('LOWER', 'SIMILAR', 'HIGHER')),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (opportunity_id, normalized_name)
);
CREATE INDEX opportunity_competitor_name ON opportunity_competitor (normalized_name);

ALTER TABLE opportunity ADD COLUMN lost_to TEXT;
