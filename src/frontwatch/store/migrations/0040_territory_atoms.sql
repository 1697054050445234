-- Atoms of the territory layers (territory/atoms.py): per source, the map cut into grid cells, the
-- distinct contents over time cut into disjoint atoms with their geodesic areas, so the change between any
-- two snapshots is a sum of stored areas. Derived data, rebuilt whole per source. The marker row is
-- written in the transaction of the last rows, so a missing, stale or miscounted marker means "rebuild"
-- and, until then, the exact overlay answers (never a figure from a partial build).
CREATE TABLE IF NOT EXISTS territory_atom_cells (
    source TEXT NOT NULL,
    cell_x BIGINT NOT NULL,              -- floor(lon / grid_deg)
    cell_y BIGINT NOT NULL,              -- floor(lat / grid_deg)
    versions BIGINT NOT NULL,            -- distinct contents of the cell over time
    areas BYTEA NOT NULL,                -- geodesic area (km²) of each atom, little-endian float64
    member BYTEA NOT NULL,               -- bits (versions x layers x atoms, row-major): atom in layer at version
    error_deg2 DOUBLE PRECISION NOT NULL, -- the check of the build (planar degrees²), above tolerance not used
    PRIMARY KEY (source, cell_x, cell_y)
);

-- Per snapshot, the cells whose version changed at it (little-endian int32 triples x, y, version).
CREATE TABLE IF NOT EXISTS territory_atom_steps (
    source TEXT NOT NULL,
    snapshot_id BIGINT NOT NULL,
    changes BYTEA NOT NULL,
    PRIMARY KEY (source, snapshot_id)
);

-- Completeness marker: what the rows were built for.
CREATE TABLE IF NOT EXISTS territory_atoms_built (
    source TEXT NOT NULL PRIMARY KEY,
    layers TEXT NOT NULL,                -- the layers, in membership order, joined by plus signs
    grid_deg DOUBLE PRECISION NOT NULL,
    snapshots BIGINT NOT NULL,
    last_id BIGINT NOT NULL,
    cells BIGINT NOT NULL,               -- territory_atom_cells rows of the source
    steps BIGINT NOT NULL                -- territory_atom_steps rows of the source
);
