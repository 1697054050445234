-- Deterministic deduplication (issue 15 item 9, issue 12): events linked by a pair score above the threshold
-- form a component; clusters are recomputed over whole components, so the same events give the same
-- clusters whatever the order they were stored in. The component id lets a new article's events reach the
-- whole component of the stored events they link to.
ALTER TABLE events ADD COLUMN dedup_component TEXT;
