"""frontwatch.nlp."""
