-- 0030 indexed events (cluster_id) a second time (0020 already has events_cluster_id): every event
-- write paid for two identical indexes. Keep the first.
DROP INDEX IF EXISTS events_cluster;
