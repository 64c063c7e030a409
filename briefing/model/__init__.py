"""Stage 3, model: each checked briefing joined to its source, and every briefing grouped by
subject, inspecting body, topic and person: plain frozen dataclasses the templates read."""
