"""syriatl: build one trustworthy chronology out of news articles about a peace process."""

__version__ = "0.1.0"
