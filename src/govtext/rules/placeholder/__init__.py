"""Rules of the `placeholder` category."""
