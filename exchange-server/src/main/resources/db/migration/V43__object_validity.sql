-- Whether an object version is still in force, for the default feeds and screening (docs/taxii.md "Expired and
-- revoked objects", docs/screening.md): STIX 2.1 §4.7 valid_until (an indicator is no longer valid after it) and
-- §3.6 revoked (the producer withdrew the object). Generated from the stored body, so that the ingest code writes
-- nothing more and every existing row is filled by this migration; COPY (backup, restore) leaves generated columns
-- out and recomputes them.

-- Only bodies that name the property are parsed (a substring test first); a value that is not a timestamp or a
-- boolean counts as absent rather than failing an insert. IMMUTABLE is true here: a STIX timestamp carries its
-- "Z", so the result does not depend on the session's time zone.
CREATE FUNCTION stix_valid_until(body TEXT) RETURNS TIMESTAMPTZ LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    value TEXT;
BEGIN
    IF strpos(body, '"valid_until"') = 0 THEN
        RETURN NULL;
    END IF;
    -- The exception block (a subtransaction) is entered only for bodies that name the property.
    BEGIN
        value := CAST(body AS jsonb) ->> 'valid_until';
        IF value IS NULL OR value !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$' THEN
            RETURN NULL;
        END IF;
        RETURN CAST(value AS TIMESTAMPTZ);
    EXCEPTION WHEN OTHERS THEN
        RETURN NULL;
    END;
END;
$$;

CREATE FUNCTION stix_revoked(body TEXT) RETURNS BOOLEAN LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF strpos(body, '"revoked"') = 0 THEN
        RETURN FALSE;
    END IF;
    BEGIN
        RETURN coalesce(CAST(body AS jsonb) -> 'revoked' = 'true'::jsonb, FALSE);
    EXCEPTION WHEN OTHERS THEN
        RETURN FALSE;
    END;
END;
$$;

ALTER TABLE stix_object
    ADD COLUMN valid_until TIMESTAMPTZ GENERATED ALWAYS AS (stix_valid_until(body)) STORED,
    ADD COLUMN revoked     BOOLEAN     NOT NULL GENERATED ALWAYS AS (stix_revoked(body)) STORED;
