-- A target for a period on a metric, at one level of the organisation, decomposed into children.
CREATE TABLE goal (
    id              UUID PRIMARY KEY,
    period          TEXT           NOT NULL,
    metric          TEXT           NOT NULL,
    scope_level     TEXT           NOT NULL,
    scope_id        TEXT           NOT NULL,
    target          NUMERIC(18, 2) NOT NULL CHECK (target >= 0),
    parent_id       UUID REFERENCES goal (id),
    owner_id        TEXT,
    owner_team      TEXT,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT,
    created_by      TEXT           NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    version         BIGINT         NOT NULL
);
-- One goal per period, metric and scope.
CREATE UNIQUE INDEX goal_unique_scope ON goal (period, metric, scope_level, scope_id);
CREATE INDEX goal_parent ON goal (parent_id);
