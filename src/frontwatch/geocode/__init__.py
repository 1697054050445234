"""frontwatch.geocode."""
