"""The guided builder: a document built one step at a time, its steps read from its kind."""

from desktop.wizard.builder import GuidedBuilder

__all__ = ["GuidedBuilder"]
