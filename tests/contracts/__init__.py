"""Custom import-linter contracts for ReformKit's own rules (see pyproject.toml)."""
