-- Members of a dedup component (0021), read whenever a new event links to it.
CREATE INDEX IF NOT EXISTS events_dedup_component ON events (dedup_component);
