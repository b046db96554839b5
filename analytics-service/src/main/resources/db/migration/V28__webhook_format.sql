-- How deliveries are written: the standard JSON, or a DingTalk / WeCom group robot's markdown message.
ALTER TABLE webhook_subscription ADD COLUMN format TEXT NOT NULL DEFAULT 'STANDARD'
    CHECK (format IN ('STANDARD', 'DINGTALK', 'WECOM'));
