-- An endpoint whose dead letters reached exchange.webhooks.max-dead-letters is suspended (docs/delivery.md#webhooks):
-- nothing is delivered to it, its lanes keep their positions, until its member replays or deletes dead letters and so
-- brings their number below the limit. Suspended when suspended_at is set, for suspended_reason.
ALTER TABLE webhook_endpoint ADD COLUMN suspended_at TIMESTAMPTZ;
ALTER TABLE webhook_endpoint ADD COLUMN suspended_reason TEXT;
