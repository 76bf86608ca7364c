"""Persistent bot state: one SQLite file in the data folder; each module keeps its own tables in it."""
