-- Delivery receipts of advisories (docs/delivery.md, "Receipts"): per advisory report version and member, when the
-- member's system received it (and by which channel) and when a person acknowledged it (and who: the issuer and
-- subject of the token that acknowledged). The first receipt of each kind is kept; later ones change nothing.
CREATE TABLE advisory_receipt (
    report_id              TEXT        NOT NULL,
    report_version         TEXT        NOT NULL,
    member_id              TEXT        NOT NULL,
    system_received_at     TIMESTAMPTZ,
    system_channel         TEXT        CHECK (system_channel IN ('stream', 'webhook', 'poll')),
    person_acknowledged_at TIMESTAMPTZ,
    person_issuer          TEXT,
    person_subject         TEXT,
    PRIMARY KEY (report_id, report_version, member_id),
    CHECK ((system_received_at IS NULL) = (system_channel IS NULL)),
    CHECK ((person_acknowledged_at IS NULL) = (person_subject IS NULL))
);
