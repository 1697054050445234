-- Deduplication (issue 4): events of one incident share events.cluster_id (0001). Candidate look-up for a
-- newly stored article is by date window, then place; merged incidents are listed by cluster.
CREATE INDEX IF NOT EXISTS events_date_place ON events (date_start, geonameid);
CREATE INDEX IF NOT EXISTS events_cluster_id ON events (cluster_id);
