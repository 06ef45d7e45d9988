"""The catalogue of the briefing's recommendations, principles and duties, and the user's own.

Import from the submodules (``reformkit.catalogue.store`` and so on): this package file stays
empty so that light paths such as ``reformkit --version`` never load SQLite.
"""
