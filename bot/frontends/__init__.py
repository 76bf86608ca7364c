"""Front ends: the local chat, and Discord (bot.exts)."""
