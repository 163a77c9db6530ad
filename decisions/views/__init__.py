"""Pages of the decision trail, one module per area."""
