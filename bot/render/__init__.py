"""Renderers: the same Answer as plain text, JSON, or (in bot.exts) Discord embeds."""
