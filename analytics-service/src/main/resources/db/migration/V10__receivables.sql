-- Contracts' instalments and what is still owed on each (crm.opportunities: ContractSigned, PaymentReceived),
-- for the OVERDUE_RECEIVABLE alert. outstanding follows the latest contract version applied: a payment carries
-- the instalment's outstanding amount after it, so the newest version wins whatever the arrival order.
CREATE TABLE receivable_instalment (
    instalment_id     UUID PRIMARY KEY,
    contract_id       UUID           NOT NULL,
    contract_number   TEXT,
    customer_id       UUID           NOT NULL,
    opportunity_id    UUID,
    owner_id          TEXT,
    owner_team        TEXT,
    due_on            DATE           NOT NULL,
    amount            NUMERIC(19, 2) NOT NULL,
    outstanding       NUMERIC(19, 2) NOT NULL,
    currency          TEXT,
    aggregate_version BIGINT         NOT NULL
);
CREATE INDEX receivable_instalment_customer ON receivable_instalment (customer_id);
CREATE INDEX receivable_instalment_owed ON receivable_instalment (due_on) WHERE outstanding > 0;

ALTER TABLE alert DROP CONSTRAINT alert_type;
ALTER TABLE alert ADD CONSTRAINT alert_type
    CHECK (type IN ('STALLED_OPPORTUNITY', 'CHURN_RISK', 'RECLAIM_WARNING', 'OVERDUE_RECEIVABLE'));
