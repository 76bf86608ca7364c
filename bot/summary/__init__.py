"""Extractive summaries: pick the most central sentences, keep them in document order."""
