-- Opportunities as crm.opportunities last said (event-carried state): the open pipeline a forecast
-- weighs, and the won, lost and slipped deals a review lists. An event applies only when newer.
CREATE TABLE opportunity_replica (
    opportunity_id      UUID PRIMARY KEY,
    customer_id         UUID,
    owner_id            TEXT,
    owner_team          TEXT,
    name                TEXT,
    product_line        TEXT,
    stage               TEXT           NOT NULL,
    status              TEXT           NOT NULL,
    amount              NUMERIC(18, 2),
    currency            TEXT,
    expected_close_date DATE,
    -- the business day it was won or lost; null while open
    closed_on           DATE,
    lost_reason         TEXT,
    lost_competitor     TEXT,
    aggregate_version   BIGINT         NOT NULL
);
CREATE INDEX opportunity_replica_open_close ON opportunity_replica (expected_close_date) WHERE status = 'OPEN';
CREATE INDEX opportunity_replica_closed ON opportunity_replica (closed_on) WHERE closed_on IS NOT NULL;

-- Every expected close date a deal ever had: a deal that was due in a period and did not close in it slipped.
CREATE TABLE opportunity_close_date (
    opportunity_id      UUID NOT NULL,
    expected_close_date DATE NOT NULL,
    PRIMARY KEY (opportunity_id, expected_close_date)
);
CREATE INDEX opportunity_close_date_day ON opportunity_close_date (expected_close_date);
