"""frontwatch.web."""
