-- The churn rule counts a customer's visits in its windows at every evaluation (AlertEngine's signals), and a visit
-- counts by its date and sentiment alone: with the sentiment in the index too, the count reads the index and not
-- each visit's row, wherever the visibility map says the rows are visible to all (most of them: only what was
-- written since the last vacuum is not). On a scratch database, 250 customers' 60 visits each: 19-25 ms against
-- 35-44 ms with a sixth of the rows written since the vacuum. The latest-visit reads use the same two key columns.
CREATE INDEX visit_fact_customer_windows ON visit_fact (customer_id, occurred_at) INCLUDE (sentiment);
DROP INDEX visit_fact_customer;
