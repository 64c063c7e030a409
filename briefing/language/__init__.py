"""The language of inspection reporting, shared by drafting (`draft/`) and coverage
(`checks/`): each word list once, and the reading of who says what in a source."""
