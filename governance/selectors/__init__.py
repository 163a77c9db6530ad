"""Reads of the standing structure that pages share, one module per area."""
