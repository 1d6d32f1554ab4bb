-- Who may read each object version (docs/access-rules.md), computed at ingest from its markings and enforced
-- in the query that pages objects, so pages stay full and keyset paging is unchanged.
--   publisher_id   the member that published it (always sees it); NULL for rows stored before V3
--   tlp            effective TLP 2.0 level (clear, green, amber, amber+strict, red)
--   recipients     RED only: identity ids of the members named by the publisher; NULL when not RED
--   sharing_groups sharing groups the object is narrowed to; a reader must belong to all of them
ALTER TABLE stix_object
    ADD COLUMN publisher_id   TEXT,
    ADD COLUMN tlp            TEXT   NOT NULL DEFAULT 'amber',
    ADD COLUMN recipients     TEXT[],
    ADD COLUMN sharing_groups TEXT[] NOT NULL DEFAULT '{}';
