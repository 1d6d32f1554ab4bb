-- Screening's index of the values indicators name (docs/screening.md): filled from stix_object by the screening
-- feature itself, per collection in seq order (a collection's seqs become visible in order: its writers hold its
-- advisory lock), so a screening looks up values instead of scanning indicators. Rows point at one stored version;
-- the lookup joins stix_object for is_latest and the read rule, so it never widens what a member may read.
CREATE TABLE screening_value (
    seq           BIGINT NOT NULL,
    collection_id TEXT   NOT NULL,
    value         TEXT   NOT NULL,
    PRIMARY KEY (value, seq)
);

CREATE TABLE screening_network (
    seq           BIGINT NOT NULL,
    collection_id TEXT   NOT NULL,
    network       INET   NOT NULL,
    PRIMARY KEY (network, seq)
);

CREATE INDEX screening_network_contains ON screening_network USING gist (network inet_ops);

CREATE TABLE screening_progress (
    collection_id TEXT   PRIMARY KEY,
    last_seq      BIGINT NOT NULL
);
