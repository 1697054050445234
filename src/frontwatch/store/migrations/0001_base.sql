-- The core schema: migrations bookkeeping, territorial-control snapshots and their layers,
-- articles and the events extracted from them.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMP DEFAULT current_timestamp
);

CREATE SEQUENCE IF NOT EXISTS territory_snapshots_id_seq;
CREATE TABLE IF NOT EXISTS territory_snapshots (
    id BIGINT PRIMARY KEY DEFAULT nextval('territory_snapshots_id_seq'),
    source TEXT NOT NULL,
    snapshot_key TEXT NOT NULL,
    time_utc BIGINT NOT NULL,            -- Unix seconds, UTC
    origin TEXT,
    content_sha256 TEXT,
    imported_at TIMESTAMP DEFAULT current_timestamp,
    UNIQUE (source, snapshot_key)
);
CREATE INDEX IF NOT EXISTS territory_snapshots_time ON territory_snapshots (source, time_utc);

CREATE TABLE IF NOT EXISTS territory_layers (
    snapshot_id BIGINT NOT NULL,
    layer TEXT NOT NULL,
    geom_wkb BYTEA NOT NULL,             -- dissolved, valid (Multi)Polygon, lon/lat EPSG:4326
    area_km2 DOUBLE PRECISION NOT NULL,  -- geodesic, WGS84
    minx DOUBLE PRECISION, miny DOUBLE PRECISION, maxx DOUBLE PRECISION, maxy DOUBLE PRECISION,
    PRIMARY KEY (snapshot_id, layer)
);

CREATE SEQUENCE IF NOT EXISTS articles_id_seq;
CREATE TABLE IF NOT EXISTS articles (
    id BIGINT PRIMARY KEY DEFAULT nextval('articles_id_seq'),
    doc_id TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published DATE,
    language TEXT,
    text TEXT NOT NULL,
    content_sha256 TEXT,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE SEQUENCE IF NOT EXISTS events_id_seq;
CREATE TABLE IF NOT EXISTS events (
    id BIGINT PRIMARY KEY DEFAULT nextval('events_id_seq'),
    article_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,            -- position in the article's event list (most salient first)
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT,
    actor2 TEXT,
    date_start DATE,
    date_end DATE,
    date_precision TEXT,
    location_name TEXT,
    geonameid BIGINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    admin1 TEXT,
    country TEXT,
    geo_precision INTEGER,
    fatalities_best INTEGER,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    claimant TEXT,
    evidence_text TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    confidence DOUBLE PRECISION,
    cluster_id TEXT,                     -- events reporting one incident share it (dedup)
    event_json TEXT NOT NULL             -- the full CONTRACTS EVENT, as extracted
);
CREATE INDEX IF NOT EXISTS events_date ON events (date_start);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
