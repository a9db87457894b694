"""Lint rules: one module per rule, grouped by category; :mod:`govtext.rules.registry` lists them."""
