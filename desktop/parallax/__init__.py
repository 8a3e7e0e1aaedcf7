"""Parallax: compare several news articles about one event, side by side."""

APP_ID = "org.parallaxnews.Parallax"
APP_NAME = "Parallax"
__version__ = "0.1.0"
