"""Forms of the standing structure, one module per area."""
