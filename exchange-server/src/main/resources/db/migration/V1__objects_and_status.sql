-- Every version of every STIX object, per collection (TAXII 2.1 §5.4: id + version is one object version).
-- seq is assigned while the collection's ingest lock is held, so seq order is commit order within a
-- collection: a reader paging by seq never skips a row that commits later with a lower seq.
CREATE SEQUENCE stix_object_seq;

CREATE TABLE stix_object (
    seq            BIGINT      PRIMARY KEY,
    collection_id  TEXT        NOT NULL,
    stix_id        TEXT        NOT NULL,
    stix_type      TEXT        NOT NULL,
    spec_version   TEXT        NOT NULL,
    version        TIMESTAMPTZ NOT NULL,
    version_text   TEXT        NOT NULL,
    date_added     TIMESTAMPTZ NOT NULL,
    is_latest      BOOLEAN     NOT NULL DEFAULT TRUE,
    is_first       BOOLEAN     NOT NULL DEFAULT TRUE,
    versioned      BOOLEAN     NOT NULL,
    content_sha256 BYTEA       NOT NULL,
    body           TEXT        NOT NULL,
    CONSTRAINT stix_object_version_unique UNIQUE (collection_id, stix_id, version)
);

CREATE INDEX stix_object_page ON stix_object (collection_id, seq);
CREATE INDEX stix_object_latest_page ON stix_object (collection_id, seq) WHERE is_latest;
CREATE INDEX stix_object_type_page ON stix_object (collection_id, stix_type, seq);
CREATE INDEX stix_object_added ON stix_object (collection_id, date_added);

-- The last date_added handed out per collection: date_added strictly increases within a collection, so
-- clients that page with added_after (as many TAXII clients do) cannot miss an object either.
CREATE TABLE collection_clock (
    collection_id TEXT        PRIMARY KEY,
    last_added    TIMESTAMPTZ NOT NULL
);

-- TAXII 2.1 §4.3 status resources, kept so a client can read them back later.
CREATE TABLE ingest_status (
    id                UUID        PRIMARY KEY,
    collection_id     TEXT        NOT NULL,
    request_timestamp TIMESTAMPTZ NOT NULL,
    total_count       INTEGER     NOT NULL,
    success_count     INTEGER     NOT NULL,
    failure_count     INTEGER     NOT NULL,
    pending_count     INTEGER     NOT NULL,
    successes         TEXT        NOT NULL,
    failures          TEXT        NOT NULL,
    pendings          TEXT        NOT NULL
);
