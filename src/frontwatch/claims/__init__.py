"""frontwatch.claims."""
