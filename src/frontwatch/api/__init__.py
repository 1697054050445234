"""frontwatch.api."""
