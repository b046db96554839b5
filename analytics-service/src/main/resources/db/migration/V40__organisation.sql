-- The organisation as target-service publishes it on crm.organisation: every version of each region
-- and team, by the day it holds from, so that escalation finds the structure of its own day.
CREATE TABLE org_region_version (
    region            TEXT   NOT NULL,
    effective_from    DATE   NOT NULL,
    head_id           TEXT,
    -- the region's change count when this version was written: an older event never overwrites it
    aggregate_version BIGINT NOT NULL,
    PRIMARY KEY (region, effective_from)
);

CREATE TABLE org_team_version (
    team              TEXT   NOT NULL,
    effective_from    DATE   NOT NULL,
    region            TEXT   NOT NULL,
    manager_id        TEXT,
    -- named by an admin; null: the head of the team's region that day
    reports_to        TEXT,
    aggregate_version BIGINT NOT NULL,
    PRIMARY KEY (team, effective_from)
);

-- Whom an escalated alert went to (the owner's manager's manager); null: the admins.
ALTER TABLE alert ADD COLUMN escalated_to TEXT;
CREATE INDEX alert_escalated_to ON alert (escalated_to, raised_at DESC) WHERE escalated_to IS NOT NULL;
