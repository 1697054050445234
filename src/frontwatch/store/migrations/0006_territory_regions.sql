-- Administrative regions (e.g. Ukraine's oblasts) imported by the user from a boundary file,
-- used to split changes by region. Stored as WKB with a bounding box, like territory_layers.
CREATE SEQUENCE IF NOT EXISTS territory_regions_id_seq;
CREATE TABLE IF NOT EXISTS territory_regions (
    id BIGINT PRIMARY KEY DEFAULT nextval('territory_regions_id_seq'),
    name TEXT NOT NULL,
    iso TEXT,
    geom_wkb BYTEA NOT NULL,             -- valid (Multi)Polygon, lon/lat EPSG:4326
    minx DOUBLE PRECISION, miny DOUBLE PRECISION, maxx DOUBLE PRECISION, maxy DOUBLE PRECISION,
    origin TEXT
);
