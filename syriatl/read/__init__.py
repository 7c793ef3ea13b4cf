"""Reading article files: the readers of formats other than plain text (HTML pages)."""
