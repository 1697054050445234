-- Completeness markers of the derived territory tables (issue 15): one row per source and layer
-- expression, written in the same transaction as that expression's last territory_changes and
-- territory_layer_sums rows. It records what the rows were computed for (the snapshots' count and
-- last id) and how many rows there are; a missing, stale or miscounted marker means "rebuild".
CREATE TABLE IF NOT EXISTS territory_derived (
    source TEXT NOT NULL,
    layer TEXT NOT NULL,                 -- canonical layer expression, as in territory_changes
    snapshots BIGINT NOT NULL,           -- snapshots of the source the rows cover
    last_id BIGINT NOT NULL,             -- the latest of them
    changes BIGINT NOT NULL,             -- territory_changes rows of (source, layer)
    sums BIGINT NOT NULL,                -- territory_layer_sums rows of the layer (0 for a single layer)
    PRIMARY KEY (source, layer)
);
