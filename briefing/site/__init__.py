"""Stage 4, render and write: every page the site generates (as data for its template), the
published JSON, the search index, the zip, and the check of every link in the output."""
