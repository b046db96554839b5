-- What the consumed events count toward goals: one row per source record (opportunity, customer,
-- visit) and metric, on the business day it counts for, so any period and any scope is a sum.
CREATE TABLE actual_fact (
    source_id         UUID           NOT NULL,
    metric            TEXT           NOT NULL,
    rep_id            TEXT           NOT NULL,
    team              TEXT,
    product_line      TEXT,
    customer_id       UUID,
    day               DATE           NOT NULL,
    amount            NUMERIC(18, 2) NOT NULL,
    -- a correction applies only when newer than what made the row
    aggregate_version BIGINT         NOT NULL,
    PRIMARY KEY (source_id, metric)
);
CREATE INDEX actual_fact_metric_day ON actual_fact (metric, day);
CREATE INDEX actual_fact_rep_metric_day ON actual_fact (rep_id, metric, day);

-- Each rep's team as the newest consumed event said: tokens carry only the caller's own team.
CREATE TABLE rep_team (
    rep_id  TEXT PRIMARY KEY,
    team    TEXT        NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL
);

-- A rep's evaluation (业绩评估) for a period; a new run updates it in place.
CREATE TABLE evaluation (
    id               UUID PRIMARY KEY,
    rep_id           TEXT           NOT NULL,
    period           TEXT           NOT NULL,
    owner_id         TEXT           NOT NULL,
    owner_team       TEXT,
    target_revenue   NUMERIC(18, 2),
    actual_revenue   NUMERIC(18, 2) NOT NULL,
    achievement_rate NUMERIC(12, 4),
    new_customers    INTEGER        NOT NULL,
    retention_rate   NUMERIC(12, 4),
    score            NUMERIC(5, 0)  NOT NULL CHECK (score BETWEEN 0 AND 100),
    grade            TEXT           NOT NULL,
    improvement_plan TEXT,
    manager_comment  TEXT,
    rep_feedback     TEXT,
    evaluated_at     TIMESTAMPTZ    NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    version          BIGINT         NOT NULL,
    UNIQUE (rep_id, period)
);
CREATE INDEX evaluation_team_period ON evaluation (owner_team, period);
