"""Benchmarks on the shared evaluation data (never copied into the repo)."""
