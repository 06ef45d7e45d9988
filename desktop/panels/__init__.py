"""Panels and dialogs of the document window."""
