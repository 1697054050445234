-- The article's doc_id kept on each event row (issue 6 benchmark): listing a page of events then needs
-- no join to articles, which cost DuckDB a scan of the whole articles table per request.
-- (Its index is the next migration: DuckDB cannot create an index in the transaction that updated the rows.)
ALTER TABLE events ADD COLUMN doc_id TEXT;
UPDATE events SET doc_id = (SELECT a.doc_id FROM articles a WHERE a.id = events.article_id);
