"""frontwatch.territory."""
