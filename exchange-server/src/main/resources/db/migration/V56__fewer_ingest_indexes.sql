-- Every accepted object version inserts a row into stix_object and one into log_leaf, and every index of the two is
-- one more entry per version: these inserts are most of PostgreSQL's share of ingest (docs/performance.md, "The
-- write path, fifth pass"). Three indexes answered nothing another index could not:
--   * stix_object_id (stix_id, V13): the version-uniqueness index now leads with the id, so it answers every lookup by
--     id (all of them name the id; those that name the collection too use its second column);
--   * log_leaf_object (stix_id, version) and log_leaf_content (collection_id, stix_id, object_sha256), V10: every
--     lookup of an object's leaves names its id and is about gated leaves (every leaf about an object is gated,
--     V12), which log_leaf_object_content (stix_id, object_sha256) WHERE gated answers; one id has a handful of leaves.
CREATE UNIQUE INDEX stix_object_version_unique_by_id
    ON stix_object (stix_id, collection_id, COALESCE(publisher_id, ''), version);
DROP INDEX stix_object_version_unique;
ALTER INDEX stix_object_version_unique_by_id RENAME TO stix_object_version_unique;
DROP INDEX stix_object_id;
DROP INDEX log_leaf_object;
DROP INDEX log_leaf_content;
