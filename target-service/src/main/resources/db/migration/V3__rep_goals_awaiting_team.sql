-- REP goals an admin set before any event named the rep's team: every consumed event looks here for
-- goals of its rep to give the team to, so that lookup must not scan the whole goal table.
CREATE INDEX goal_rep_without_team ON goal (scope_id) WHERE scope_level = 'REP' AND owner_team IS NULL;
