"""frontwatch.ingest."""
