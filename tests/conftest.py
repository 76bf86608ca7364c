"""Shared fixtures. The fake Discord server fixtures (`fake_discord`, `run_bot`) come from a plugin."""

pytest_plugins = ["fakediscord.plugin"]
