"""Rules of the `consistency` category."""
