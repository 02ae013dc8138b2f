"""Staff mode: the guide (导医) workstation."""
