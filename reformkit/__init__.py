"""ReformKit's kernel: catalogue, documents and exporters, with no Qt anywhere below here."""

__version__ = "0.1.0"
APP_NAME = "ReformKit"
