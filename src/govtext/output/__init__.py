"""Renderers: the only modules (with ``cli``) that turn results into text for people or tools."""
