"""Every change a user makes to the standing structure, one module per area."""
