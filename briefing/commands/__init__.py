"""One module per verb of `build.py`: build, check, serve, schema."""
