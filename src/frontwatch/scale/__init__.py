"""frontwatch.scale."""
