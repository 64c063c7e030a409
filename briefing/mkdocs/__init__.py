"""The MkDocs adapter: the plugin that runs the pipeline at MkDocs' documented events, and the
theme's context. With `project`, the only code that imports MkDocs."""
