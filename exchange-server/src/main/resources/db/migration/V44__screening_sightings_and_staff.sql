-- Screening's index of sightings by the indicator they report (docs/screening.md "Sightings and confidence"), filled
-- by the same catch-up as screening_value, so a screening reads the sightings of its matches by key instead of
-- scanning the readable sightings. The catch-up now reads indicators and sightings: it starts again from the
-- beginning once (rows already indexed are skipped by ON CONFLICT DO NOTHING).
CREATE TABLE screening_sighting (
    seq             BIGINT NOT NULL,
    collection_id   TEXT   NOT NULL,
    sighting_of_ref TEXT   NOT NULL,
    PRIMARY KEY (sighting_of_ref, seq)
);

DELETE FROM screening_progress;

-- Concurrent employment (docs/screening.md "Concurrent employment"): the persona tokens an employer registered as
-- its current staff. A token is the OPRF output (or v1 digest) the member made; the exchange never sees the
-- identifier. disclose_groups names the sharing groups whose members may learn which member registered the token;
-- empty: nobody learns it, other employers learn only that someone else employs the person.
CREATE TABLE staff_token (
    member_id       TEXT        NOT NULL REFERENCES member (id),
    token           TEXT        NOT NULL,
    disclose_groups TEXT[]      NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (token, member_id)
);

CREATE INDEX staff_token_member ON staff_token (member_id);
