"""frontwatch.dedup."""
