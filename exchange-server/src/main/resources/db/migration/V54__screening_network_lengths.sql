-- Screening finds the networks that contain an IP by equality: for each prefix length present among the indexed
-- networks of the IP's family, the IP masked to that length is looked up in screening_network's primary key (network,
-- seq). One GiST containment probe per IP (inet_ops) cost about 0.1 ms, most of PostgreSQL's time for a screening of
-- many IPs; a btree probe per length present costs a few microseconds, and indicators name few distinct lengths.
CREATE TABLE screening_network_length (
    family SMALLINT NOT NULL,
    length SMALLINT NOT NULL,
    PRIMARY KEY (family, length)
);

INSERT INTO screening_network_length (family, length)
SELECT DISTINCT family(network), masklen(network) FROM screening_network;

ANALYZE screening_network_length;

DROP INDEX screening_network_contains;
