-- Ownership without oracles (docs/access-rules.md, "Ownership"): an object's versions form one chain per publisher
-- in a collection. A member can never add a version to another member's chain; an id it cannot read another member
-- using is simply its own chain (the answer to a publisher never depends on objects it may not read), and objects
-- without versions (SCOs: wallets, persona identifiers, IPs) are facts every member may publish its own copy of.
ALTER TABLE stix_object DROP CONSTRAINT stix_object_version_unique;
CREATE UNIQUE INDEX stix_object_version_unique
    ON stix_object (collection_id, stix_id, COALESCE(publisher_id, ''), version);

-- Ownership is exchange-wide: the versions of an id in every collection are found by the id.
CREATE INDEX stix_object_id ON stix_object (stix_id);

-- True when the versions of a chain do not all have the same audience: then a reader who may not read the latest
-- (or first) version gets the latest (or first) one it may read, and the read paths look for it.
ALTER TABLE stix_object ADD COLUMN chain_mixed BOOLEAN NOT NULL DEFAULT FALSE;
