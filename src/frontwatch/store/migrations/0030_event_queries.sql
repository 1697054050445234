-- Indexes for the API's event queries (issue 6): the bounding-box and type filters, the cluster
-- look-up of an event's sources. Dates already have events_date (0001).
CREATE INDEX IF NOT EXISTS events_lonlat ON events (lon, lat);
CREATE INDEX IF NOT EXISTS events_type ON events (event_type, sub_event_type);
CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id);
