"""Reads of the meeting cycle that pages share, one module per area."""
