-- When each subject's rules may next answer otherwise with no event arriving (a threshold passes, a day count
-- ticks): the scheduled scan evaluates only the subjects that fell due, instead of every open opportunity and
-- watched customer. NULL: nothing changes until an event does. Existing and newly inserted rows start due
-- ('-infinity'), so the first scan after this migration (or a replay) settles them once and sets their moment;
-- archived records are no rule's input and have none.
ALTER TABLE opportunity_fact ADD COLUMN next_check_at TIMESTAMPTZ DEFAULT '-infinity';
UPDATE opportunity_fact o SET next_check_at = NULL
WHERE o.archived OR EXISTS (SELECT 1 FROM customer_fact c WHERE c.customer_id = o.customer_id AND c.archived);
CREATE INDEX opportunity_fact_next_check ON opportunity_fact (next_check_at) WHERE status = 'OPEN';

ALTER TABLE customer_fact ADD COLUMN next_check_at TIMESTAMPTZ DEFAULT '-infinity';
UPDATE customer_fact SET next_check_at = NULL WHERE archived;
CREATE INDEX customer_fact_next_check ON customer_fact (next_check_at);

ALTER TABLE receivable_instalment ADD COLUMN next_check_at TIMESTAMPTZ DEFAULT '-infinity';
UPDATE receivable_instalment r SET next_check_at = NULL
WHERE EXISTS (SELECT 1 FROM customer_fact c WHERE c.customer_id = r.customer_id AND c.archived)
   OR EXISTS (SELECT 1 FROM opportunity_fact o WHERE o.opportunity_id = r.opportunity_id AND o.archived);
CREATE INDEX receivable_instalment_next_check ON receivable_instalment (next_check_at) WHERE outstanding > 0;

-- What falls due on the alerts themselves: a snooze running out, an alert left unacknowledged long enough to escalate.
CREATE INDEX alert_snooze_due ON alert (snoozed_until) WHERE status = 'SNOOZED';
CREATE INDEX alert_escalation_due ON alert (open_since) WHERE status = 'OPEN' AND NOT escalated;

-- The rules read the open alerts of the subjects at hand (of every type) with one query.
CREATE INDEX alert_unresolved_subject ON alert (subject_id) WHERE status <> 'RESOLVED';
