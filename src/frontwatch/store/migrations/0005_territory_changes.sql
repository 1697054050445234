-- Precomputed exact changes between two snapshots of one source (consecutive snapshots, consecutive
-- UTC days, calendar weeks and months), per layer expression, so series and records need no geometry.
-- A row is a fact about two immutable snapshots, so it never goes stale.
CREATE TABLE IF NOT EXISTS territory_changes (
    source TEXT NOT NULL,
    layer TEXT NOT NULL,                 -- canonical layer expression: 'occupied', 'contested+occupied'
    from_id BIGINT NOT NULL,
    to_id BIGINT NOT NULL,
    gained_km2 DOUBLE PRECISION NOT NULL,  -- geodesic area of to \ from
    lost_km2 DOUBLE PRECISION NOT NULL,    -- geodesic area of from \ to
    kind TEXT NOT NULL,                  -- step | day | week | month | pair
    PRIMARY KEY (layer, from_id, to_id)
);
CREATE INDEX IF NOT EXISTS territory_changes_source ON territory_changes (source, layer);

-- Geodesic areas of layer sums (the union of several layers); single layers keep theirs in territory_layers.
CREATE TABLE IF NOT EXISTS territory_layer_sums (
    snapshot_id BIGINT NOT NULL,
    layer TEXT NOT NULL,
    area_km2 DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (snapshot_id, layer)
);
