"""Exporters: one writer per format, each reading only the laid-out blocks."""
