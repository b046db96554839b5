-- A deal's last activity reads, for every deal of the customers a batch touches, the latest visit of the deal and the
-- latest completed follow-up of its customer (alerts/Deals). By the deal's id alone the first visited every visit of
-- the deal; by the customer's id alone the second, every follow-up of the customer. Ordered by the moment, each reads
-- one entry.
CREATE INDEX visit_fact_opportunity_latest ON visit_fact (opportunity_id, occurred_at) WHERE opportunity_id IS NOT NULL;
DROP INDEX visit_fact_opportunity;
CREATE INDEX follow_up_fact_customer_completed ON follow_up_fact (customer_id, completed_at)
    WHERE status = 'COMPLETED';
