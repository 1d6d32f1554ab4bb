-- The transparency log (docs/transparency-log.md): an append-only RFC 9162 Merkle tree over every accepted
-- object version, tombstone and key event, in acceptance order. Rows are only ever inserted, never updated
-- or deleted, except the single log_state row, which moves forward under the log's advisory lock.

-- One row per leaf. leaf is the RFC 8785 (JCS) text whose SHA-256(0x00 || UTF-8 bytes) is leaf_hash.
CREATE TABLE log_leaf (
    log_index      BIGINT      PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('object-version', 'tombstone', 'key-event')),
    stix_id        TEXT,
    version        TEXT,
    collection_id  TEXT,
    object_sha256  BYTEA,
    leaf           TEXT        NOT NULL,
    leaf_hash      BYTEA       NOT NULL,
    accepted       TIMESTAMPTZ NOT NULL
);

-- Inclusion proofs by object id + modified, and the log index of a re-posted (already stored) version.
CREATE INDEX log_leaf_object ON log_leaf (stix_id, version);
CREATE INDEX log_leaf_content ON log_leaf (collection_id, stix_id, object_sha256);

-- Hashes of the perfect subtrees (2^level leaves from leaf idx * 2^level), level 0 being the leaf hashes:
-- any root, inclusion or consistency proof is a fold of O(log n) of these (RFC 9162 §2.1.3, §2.1.4).
CREATE TABLE log_subtree (
    level INTEGER NOT NULL,
    idx   BIGINT  NOT NULL,
    hash  BYTEA   NOT NULL,
    PRIMARY KEY (level, idx)
);

-- The tree head: size, root and the signed checkpoint note of that size. Exactly one row.
CREATE TABLE log_state (
    id         INTEGER     PRIMARY KEY CHECK (id = 1),
    size       BIGINT      NOT NULL,
    root       BYTEA       NOT NULL,
    checkpoint TEXT,
    updated    TIMESTAMPTZ NOT NULL
);

-- SHA-256 of the empty string: the root of the empty tree (RFC 9162 §2.1.1).
INSERT INTO log_state (id, size, root, checkpoint, updated)
VALUES (1, 0, decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'), NULL, now());

-- The exchange's checkpoint signing key (a C2SP signed-note PRIVATE+KEY+... string) when none is configured,
-- generated once so that every instance sharing this database signs with the same key.
CREATE TABLE log_key (
    origin     TEXT        PRIMARY KEY,
    signer     TEXT        NOT NULL,
    created    TIMESTAMPTZ NOT NULL DEFAULT now()
);
