-- Four-eyes administration (docs/identity.md, "Accountable administration"): changing who can log in as a member
-- (subjects, identity_id) or registering a key for another member is a request that a second admin, of another
-- nation, approves or rejects. Rows are kept after the decision.
CREATE TABLE admin_request (
    id                UUID        PRIMARY KEY,
    kind              TEXT        NOT NULL,
    member_id         TEXT        NOT NULL,
    change            TEXT        NOT NULL,
    requested_by      TEXT        NOT NULL,
    requested_nation  TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by        TEXT,
    decided_at        TIMESTAMPTZ
);

CREATE INDEX admin_request_pending ON admin_request (requested_at) WHERE status = 'pending';
