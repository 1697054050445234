-- Events of one article by doc_id (the API's doc_id filter), on the column 0031 added.
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
