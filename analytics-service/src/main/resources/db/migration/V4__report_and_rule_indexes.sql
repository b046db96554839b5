-- Team medians look up a team's opportunities; reports filter by team and owner.
CREATE INDEX opportunity_fact_team ON opportunity_fact (owner_team);
CREATE INDEX follow_up_fact_owner ON follow_up_fact (owner_id) WHERE status = 'OPEN';
CREATE INDEX rep_activity_team ON rep_activity (owner_team, day);
