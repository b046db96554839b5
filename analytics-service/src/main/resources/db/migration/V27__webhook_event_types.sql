-- The domain event types (CloudEvents types) a subscription receives; empty: alerts, as before.
ALTER TABLE webhook_subscription ADD COLUMN event_types TEXT[] NOT NULL DEFAULT '{}';
