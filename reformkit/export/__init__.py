"""Exporters: one writer per format, each reading only the laid-out blocks.

The formats are listed once, in :mod:`reformkit.export.formats`.
"""
