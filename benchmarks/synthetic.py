"""Realistic synthetic briefings for the benchmark: many subjects, people shared across them.

Each briefing has about 30 source paragraphs (lead, context, a list of five
findings, a list of five concerns, two speakers quoted over three paragraphs
each), and a briefing.yml citing and quoting it exactly, like a curated one.
Deterministic: briefing `i` is always the same text.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

FORCES = ["Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "Cleveland",
          "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham", "Essex",
          "Gloucestershire", "Hampshire", "Hertfordshire", "Humberside", "Kent", "Lancashire",
          "Leicestershire", "Lincolnshire", "Merseyside", "Norfolk", "Northamptonshire",
          "Northumbria", "Nottinghamshire", "Staffordshire", "Suffolk", "Surrey", "Sussex",
          "Thames Valley", "Warwickshire", "West Mercia", "Wiltshire"]
INSPECTORS = ["Mike Cunningham", "Wendy Williams", "Zoë Billingham", "Matt Parr", "Roy Wilsher"]
TOPICS = ["child protection", "custody", "missing children", "domestic abuse", "vetting",
          "call handling", "sexual exploitation", "neighbourhood policing"]
GOOD = ["a clear commitment to improving services for children in need of protection",
        "staff who were committed and dedicated to the best outcomes for children",
        "officers who responded quickly and made thorough initial enquiries",
        "good relationships with local authorities and partner agencies",
        "significant investment in the awareness of staff",
        "a well-run control room that recognised risk early",
        "thorough supervision of investigations in specialist teams",
        "effective work with schools on children affected by domestic abuse"]
BAD = ["some serious cases were allocated to insufficiently skilled staff",
       "a lack of understanding of the extent of child sexual exploitation",
       "an inconsistent response to children who regularly go missing from home",
       "delays in transferring children from custody to alternative accommodation",
       "records that did not capture the voice of the child",
       "ineffective supervision of domestic abuse investigations",
       "too many children detained in police custody unnecessarily",
       "late involvement in the initial assessment of risks to vulnerable children"]


def write_synthetic_briefings(docs_dir: Path, count: int, *, reverse: bool = False) -> None:
    """Briefings 0 to `count` - 1, their folders created in that order or the `reverse`."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    for i in (reversed(range(count)) if reverse else range(count)):
        folder = docs_dir / f"briefing-{i:05d}"
        folder.mkdir()
        source, metadata = synthetic_briefing(i)
        (folder / "source.txt").write_text(source, encoding="utf-8")
        (folder / "briefing.yml").write_text(
            yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False), encoding="utf-8")


def synthetic_briefing(i: int) -> tuple[str, dict]:
    rng = random.Random(i)
    force = FORCES[i % len(FORCES)]
    subject = f"{force} Police"
    inspector = INSPECTORS[(i // len(FORCES)) % len(INSPECTORS)]
    chief = f"Chief Constable {rng.choice(['Alex', 'Sam', 'Jo', 'Chris'])} {force.split()[0]}"
    commissioner = f"{rng.choice(['Pat', 'Lee', 'Robin'])} {force.split()[-1]}son"
    year = 2012 + i % 12
    date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    good, bad = rng.sample(GOOD, 5), rng.sample(BAD, 5)
    paragraphs = [
        f"POLICE in {force} have made progress in their child protection work but must do more "
        f"for children at risk, a report has found (report {i}).",
        f"HM Inspectorate of Constabulary has today published its findings from an inspection of "
        f"{subject} carried out earlier in {year}.",
        "READ MORE: Other inspections in the region",
    ]
    paragraphs += [f"Inspectors noted {rng.choice(GOOD)} in the {n}th area they examined, and "
                   f"{rng.choice(BAD)} in another." for n in range(4, 12)]
    paragraphs.append("Main findings")
    paragraphs.append("Inspectors say they were pleased to find:")
    first_good = len(paragraphs) + 1
    paragraphs += [f"- {g.capitalize()};" for g in good]
    paragraphs.append("However, inspectors say they were concerned to find:")
    first_bad = len(paragraphs) + 1
    paragraphs += [f"- {b.capitalize()};" for b in bad]
    paragraphs.append("Reaction")
    speakers = [(inspector, "HM inspector of constabulary", "HM Inspectorate of Constabulary",
                 "inspector"), (chief, "Chief constable", subject, "subject"),
                (commissioner, f"{force}'s police and crime commissioner", None, "other")]
    reactions, people, quote_no = [], [], 0
    for n, (name, role, organisation, voice) in enumerate(speakers):
        person_id = f"person-{n}"
        people.append({k: v for k, v in {"id": person_id, "name": name, "role": role,
                                         "organisation": organisation}.items() if v})
        quotes = []
        for k in range(2):
            words = (f"We have looked carefully at {rng.choice(GOOD)} and at {rng.choice(BAD)}, "
                     f"and we will report again within {6 + k} months on case {i}-{n}-{k}.")
            lead = f"{role} {name} said: " if k == 0 else ""
            paragraphs.append(f'{lead}"{words}"')
            quotes.append({"text": words, "paragraph": len(paragraphs)})
            quote_no += 1
        reactions.append({"id": f"reaction-{n}", "person": person_id, "speaks_for": voice,
                          "quotes": quotes})
    metadata = {
        "title": f"{subject}: child protection inspection {i}",
        "summary": f"Inspectors found progress at {subject}, with five strengths and five "
                   "areas of concern.",
        "subject": {"name": subject},
        "inspector": {"name": "HM Inspectorate of Constabulary", "short_name": "HMIC"},
        "source": {"outlet": f"{force} Gazette", "published": date},
        "tags": sorted(rng.sample(TOPICS, 3)),
        "findings": [{"id": f"finding-{n}", "text": g.capitalize() + ".",
                      "cites": [first_good + n]} for n, g in enumerate(good)],
        "concerns": [{"id": f"concern-{n}", "text": b.capitalize() + ".",
                      "cites": [first_bad + n]} for n, b in enumerate(bad)],
        "people": people,
        "reactions": reactions,
    }
    return "\n\n".join(paragraphs) + "\n", metadata
