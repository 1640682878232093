"""Assembly: settings, CLI, channel adapters (telegram, zalo, console)."""
