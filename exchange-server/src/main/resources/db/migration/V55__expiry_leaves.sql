-- Expiry in the log (docs/delivery.md "Expiry", docs/transparency-log.md): once an object version's valid_until
-- (STIX 2.1 §4.7) has passed while it is its object's latest version and not revoked, the exchange appends an
-- "expiry" leaf with the version's audience, so the members who may read it learn of the expiry in the log's order,
-- on streams, webhooks and the change feed, as they learn of additions and deletions.

ALTER TABLE log_leaf DROP CONSTRAINT IF EXISTS log_leaf_kind_check;
ALTER TABLE log_leaf ADD CONSTRAINT log_leaf_kind_check
    CHECK (kind IN ('object-version', 'tombstone', 'expiry', 'key-event', 'admin-event'));

-- Whether the version's expiry leaf has been appended: set in the transaction that appends it, so each expiry is
-- logged once however many instances look for expired versions. Adding a column with a constant default rewrites
-- nothing (PostgreSQL 11+).
ALTER TABLE stix_object ADD COLUMN expiry_logged BOOLEAN NOT NULL DEFAULT FALSE;

-- The versions still to announce, by when they expire: the announcer's query reads the head of this index only.
CREATE INDEX stix_object_expiry_due ON stix_object (valid_until)
    WHERE valid_until IS NOT NULL AND is_latest AND NOT revoked AND NOT expiry_logged;
