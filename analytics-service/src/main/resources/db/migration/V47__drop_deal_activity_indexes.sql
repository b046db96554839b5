-- A deal's last activity no longer probes the deal's own visits and follow-ups: a visit or follow-up naming a deal
-- names its customer too, whose latest of each the deal takes (alerts/Deals). Nothing else reads these two, and
-- every visit and follow-up written paid for them.
DROP INDEX visit_fact_opportunity_latest;
DROP INDEX follow_up_fact_opportunity;
