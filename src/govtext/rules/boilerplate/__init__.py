"""Rules of the `boilerplate` category."""
