"""Every worker process of a large build, and the garbage collector held back while it runs:
speed only. The stages call this interface without knowing whether it forks."""
