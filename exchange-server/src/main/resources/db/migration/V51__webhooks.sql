-- Webhooks (docs/delivery.md#webhooks): members' HTTPS endpoints, each with two lanes (advisories first, then every
-- other collection) whose cursors are log positions, and the batches given up on after exchange.webhooks.retry-for.
CREATE TABLE webhook_endpoint (
    id          TEXT PRIMARY KEY,
    member_id   TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    url         TEXT NOT NULL,
    collection_id TEXT,
    types       TEXT[] NOT NULL DEFAULT '{}',
    description TEXT NOT NULL DEFAULT '',
    paused      BOOLEAN NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ NOT NULL,
    -- One instance dispatches an endpoint at a time: the one whose lease has not expired.
    lease_owner TEXT,
    lease_until TIMESTAMPTZ
);

CREATE INDEX webhook_endpoint_member ON webhook_endpoint (member_id);

-- A lane's cursor is the position from which its events are still to be delivered. While a batch fails, pending_to
-- fixes its range (so its idempotency key stays the same), and the retry state says when to try again.
CREATE TABLE webhook_lane (
    endpoint_id   TEXT NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    lane          TEXT NOT NULL CHECK (lane IN ('advisories', 'general')),
    cursor        BIGINT NOT NULL CHECK (cursor >= 0),
    pending_to    BIGINT,
    attempts      INT NOT NULL DEFAULT 0,
    first_failure TIMESTAMPTZ,
    next_attempt  TIMESTAMPTZ,
    last_error    TEXT,
    PRIMARY KEY (endpoint_id, lane)
);

-- A batch the endpoint did not accept within exchange.webhooks.retry-for: its range of positions (the events are
-- read again, through the read rule, when it is replayed) and how delivering it failed.
CREATE TABLE webhook_dead_letter (
    id            TEXT PRIMARY KEY,
    endpoint_id   TEXT NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    lane          TEXT NOT NULL,
    from_position BIGINT NOT NULL,
    to_position   BIGINT NOT NULL,
    positions     BIGINT[] NOT NULL,
    attempts      INT NOT NULL,
    first_attempt TIMESTAMPTZ NOT NULL,
    last_attempt  TIMESTAMPTZ NOT NULL,
    last_error    TEXT NOT NULL
);

CREATE INDEX webhook_dead_letter_endpoint ON webhook_dead_letter (endpoint_id, from_position);
