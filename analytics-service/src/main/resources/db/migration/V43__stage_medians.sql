-- Each team's median days per stage, DWELL's yardstick, kept rather than aggregated from the team's whole history
-- of moves for every batch. A batch lists the teams whose deals' completed stays it changed as stale; the rules
-- recompute a stale team's medians when they next need them.
CREATE TABLE stage_median (
    owner_team  TEXT             NOT NULL,
    stage       TEXT             NOT NULL,
    samples     BIGINT           NOT NULL,
    median_days DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (owner_team, stage)
);

CREATE TABLE stage_median_stale (
    owner_team TEXT PRIMARY KEY
);

-- Every team starts stale: its medians are computed the first time the rules need them.
INSERT INTO stage_median_stale (owner_team)
SELECT DISTINCT owner_team FROM opportunity_fact WHERE owner_team IS NOT NULL;
