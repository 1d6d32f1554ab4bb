-- The membership registry (docs/identity.md): who the exchange's members are, which identity provider subjects
-- identify them, and what they may do. Looked up on every request, so a suspension applies to the next call.
CREATE TABLE member (
    id          TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    nation      TEXT        NOT NULL CHECK (nation IN ('US', 'JP', 'KR', 'OTHER')),
    sector      TEXT        NOT NULL CHECK (sector IN ('government', 'freelance-platform', 'payment-provider',
                                                       'cryptocurrency-business', 'ai-company', 'other')),
    identity_id TEXT        NOT NULL UNIQUE,
    roles       TEXT[]      NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('active', 'suspended')),
    created     TIMESTAMPTZ NOT NULL,
    updated     TIMESTAMPTZ NOT NULL
);

-- (issuer, subject) identifies exactly one member; issuer is the configured issuer's name.
CREATE TABLE member_subject (
    issuer    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    PRIMARY KEY (issuer, subject)
);

CREATE INDEX member_subject_member ON member_subject (member_id);

-- Status resources are readable only by the member that posted them (and admins).
ALTER TABLE ingest_status ADD COLUMN posted_by TEXT;
