"""Rules of the `punctuation` category."""
