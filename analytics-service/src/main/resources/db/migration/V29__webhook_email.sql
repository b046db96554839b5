-- E-mail subscriptions: the address to write to instead of a URL. A secret signs HTTP deliveries only (robots may go
-- without one), so it and the URL become optional where the format does not need them.
ALTER TABLE webhook_subscription ADD COLUMN email TEXT;
ALTER TABLE webhook_subscription ALTER COLUMN url DROP NOT NULL;
ALTER TABLE webhook_subscription ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE webhook_subscription DROP CONSTRAINT webhook_subscription_format_check;
ALTER TABLE webhook_subscription ADD CONSTRAINT webhook_subscription_format_check
    CHECK (format IN ('STANDARD', 'DINGTALK', 'WECOM', 'EMAIL'));
-- Each format has the target it needs, and only that one; STANDARD deliveries are always signed.
ALTER TABLE webhook_subscription ADD CONSTRAINT webhook_subscription_target_check
    CHECK (CASE format
               WHEN 'EMAIL' THEN email IS NOT NULL AND url IS NULL AND secret IS NULL
               WHEN 'STANDARD' THEN url IS NOT NULL AND secret IS NOT NULL AND email IS NULL
               ELSE url IS NOT NULL AND email IS NULL END);
