"""Text analysis and the BM25 index."""
