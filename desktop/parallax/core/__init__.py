"""Parallax's analysis core: loading, NLP, comparison and export, with no GUI toolkit imported."""
