"""Template helpers of the meeting cycle."""
