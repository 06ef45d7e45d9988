"""Editing a document through an undo stack: every change the user makes can be undone."""
