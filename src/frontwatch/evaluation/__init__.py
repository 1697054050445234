"""frontwatch.evaluation."""
