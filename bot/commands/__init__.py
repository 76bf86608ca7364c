"""Commands: one dispatcher shared by every front end (Discord, local chat, JSON)."""
