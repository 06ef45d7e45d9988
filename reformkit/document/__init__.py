"""Documents: the content model, the project file, coverage, versions and JSON interchange.

Import from the submodules; this file stays empty so light command-line paths stay fast.
"""
