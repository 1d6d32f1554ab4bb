-- Members' public signing keys (docs/integrity.md §7). The kid (RFC 7638 thumbprint) is the primary key across all
-- members and is never deleted, revoked keys included, so a kid is never registered twice. Past keys stay to let
-- consumers verify old objects offline (GET /.well-known/exchange-keys.json).
CREATE TABLE member_key (
    kid            TEXT        PRIMARY KEY,
    member_id      TEXT        NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    jwk            TEXT        NOT NULL,
    alg            TEXT        NOT NULL CHECK (alg IN ('EdDSA', 'ES256')),
    not_before     TIMESTAMPTZ NOT NULL,
    not_after      TIMESTAMPTZ,
    revoked_at     TIMESTAMPTZ,
    revoked_reason TEXT,
    created        TIMESTAMPTZ NOT NULL,
    CHECK (not_after IS NULL OR not_after > not_before),
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);

CREATE INDEX member_key_member ON member_key (member_id);
