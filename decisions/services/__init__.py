"""Every change a user makes to the decision trail, one module per area."""
