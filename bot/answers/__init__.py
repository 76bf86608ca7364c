"""The answer model every front end renders: excerpts with citations, grouped into sections."""
