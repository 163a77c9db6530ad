"""Every change a user makes to the meeting cycle, one module per area."""
