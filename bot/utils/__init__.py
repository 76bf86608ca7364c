"""Discord-side helpers (views, checks)."""
