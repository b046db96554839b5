-- A customer's won and lost deals and its latest loss are read for every customer a batch touches (its counts, its
-- churn signals). Through opportunity_fact_customer each of those reads visited every deal of the customer, open
-- ones included; these hold only the rows they count.
CREATE INDEX opportunity_fact_customer_closed ON opportunity_fact (customer_id, status)
    WHERE status <> 'OPEN' AND NOT archived;
CREATE INDEX opportunity_fact_customer_lost_at ON opportunity_fact (customer_id, lost_at)
    WHERE lost_at IS NOT NULL AND NOT archived;
