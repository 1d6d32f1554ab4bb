-- The exchange's persona-token keys (scheme v2-oprf-p256, docs/persona-identifiers.md §4.2), one per key epoch. The
-- newest epoch is current; an older one is still answered until retired + exchange.oprf.grace-period. A private key
-- never leaves the exchange: it is not served by any endpoint and not written to the transparency log.
CREATE TABLE oprf_key (
    epoch       INTEGER     PRIMARY KEY CHECK (epoch BETWEEN 1 AND 999999999),
    private_key BYTEA       NOT NULL CHECK (octet_length(private_key) = 32),
    public_key  BYTEA       NOT NULL CHECK (octet_length(public_key) = 33),
    created     TIMESTAMPTZ NOT NULL,
    retired     TIMESTAMPTZ
);

-- One row per evaluation request a member made: the quota's count and the oversight record (who asked how many
-- evaluations of which kinds, when, and whether the quota refused them). It holds no element: blinded elements are
-- random to the exchange and worthless to an overseer.
CREATE TABLE oprf_evaluation (
    -- A random id rather than a sequence: nothing orders by it, and the backup carries no extra sequence.
    id        UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    member_id TEXT        NOT NULL REFERENCES member (id),
    epoch     INTEGER     NOT NULL,
    kinds     TEXT[]      NOT NULL,
    elements  INTEGER     NOT NULL CHECK (elements > 0),
    outcome   TEXT        NOT NULL CHECK (outcome IN ('evaluated', 'refused-quota')),
    at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX oprf_evaluation_member_at ON oprf_evaluation (member_id, at);
