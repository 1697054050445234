"""frontwatch.events."""
