-- Leaf format 2 (docs/transparency-log.md): object-version and tombstone leaves become sealed commitments whose
-- opening (entry + salt) only the object's readers get; key events and admin events stay public. Version 1 leaves
-- stay in the tree unchanged; this migration records which object each one concerns and that object's audience, so
-- the read rule gates them too.

ALTER TABLE log_leaf DROP CONSTRAINT IF EXISTS log_leaf_kind_check;
ALTER TABLE log_leaf ADD CONSTRAINT log_leaf_kind_check
    CHECK (kind IN ('object-version', 'tombstone', 'key-event', 'admin-event'));

ALTER TABLE log_leaf
    -- 1: the leaf text names its object in the clear; 2: sealed (object leaves) or public (key and admin events).
    ADD COLUMN leaf_version   SMALLINT NOT NULL DEFAULT 1,
    -- True for leaves about an object (either version): the read rule below decides who learns more than the hash.
    ADD COLUMN gated          BOOLEAN  NOT NULL DEFAULT FALSE,
    -- The opening of a sealed leaf: the 32-byte salt and the JCS text of the entry it commits to.
    ADD COLUMN salt           BYTEA,
    ADD COLUMN entry          TEXT,
    -- The audience of the object the leaf is about, in the columns the read rule's SQL checks (V3, access package).
    ADD COLUMN publisher_id   TEXT,
    ADD COLUMN tlp            TEXT,
    ADD COLUMN recipients     TEXT[],
    ADD COLUMN sharing_groups TEXT[]   NOT NULL DEFAULT '{}';

ALTER TABLE log_leaf ALTER COLUMN leaf_version SET DEFAULT 2;

-- Version 1 object leaves take the audience of the stored version they name. A version whose object is gone keeps
-- an empty recipient list under RED: readable by no member (its leaf hash stays public, as every leaf hash is).
UPDATE log_leaf SET gated = TRUE, tlp = 'red', recipients = '{}'
 WHERE leaf_version = 1 AND kind IN ('object-version', 'tombstone');
UPDATE log_leaf l
   SET publisher_id = o.publisher_id, tlp = o.tlp, recipients = o.recipients, sharing_groups = o.sharing_groups
  FROM stix_object o
 WHERE l.leaf_version = 1 AND l.gated
   AND o.collection_id = l.collection_id AND o.stix_id = l.stix_id AND o.version_text = l.version;

-- Openings by object (id + content digest), across collections; ranges of leaves by index use the primary key.
CREATE INDEX log_leaf_object_content ON log_leaf (stix_id, object_sha256) WHERE gated;

-- The exchange's audience secret: 32 random bytes from which every audience key is derived (AudienceKeys), shared
-- by every instance, generated once.
CREATE TABLE log_secret (
    name    TEXT        PRIMARY KEY,
    secret  BYTEA       NOT NULL,
    created TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Witnesses' cosignatures of checkpoints (C2SP tlog-cosignature): one line per witness and tree size.
CREATE TABLE log_cosignature (
    size     BIGINT      NOT NULL,
    witness  TEXT        NOT NULL,
    line     TEXT        NOT NULL,
    received TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (size, witness)
);

-- Every signed checkpoint, so a cosigned one can be served whole after later appends.
CREATE TABLE log_checkpoint (
    size BIGINT PRIMARY KEY,
    note TEXT   NOT NULL
);
