"""Pages of the meeting cycle, one module per area."""
