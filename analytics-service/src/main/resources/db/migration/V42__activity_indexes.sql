-- An opportunity's last activity reads its latest completed follow-up by opportunity (DerivedState); without this
-- index that read scanned every follow-up of every customer once per opportunity refreshed.
CREATE INDEX follow_up_fact_opportunity ON follow_up_fact (opportunity_id, completed_at) WHERE opportunity_id IS NOT NULL;
