"""Ingest: fetch, extract and store documents for the knowledge base."""
