"""roadmap-check: checks policy road-map drafts against the frameworks they must cite."""

__version__ = "0.1.0"
