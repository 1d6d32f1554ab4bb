-- Live delivery (docs/delivery.md): every move of the log's head is announced on the channel exchange_log, with the
-- new tree size as payload. pg_notify inside the appending transaction is delivered when it commits, and never when
-- it rolls back, so every instance sharing the database wakes up its subscribers, which then read the events from
-- log_leaf itself: a lost notification delays delivery (the instances also poll), it never drops an event.
CREATE FUNCTION log_head_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('exchange_log', NEW.size::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER log_head_notify AFTER UPDATE OF size ON log_state
    FOR EACH ROW WHEN (NEW.size <> OLD.size) EXECUTE FUNCTION log_head_notify();

-- Change reads filter the leaves about objects of some collections in a range of log indexes.
CREATE INDEX log_leaf_changes ON log_leaf (collection_id, log_index) WHERE gated;
