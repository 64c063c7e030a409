"""The word lists of English news reporting, each written once, and how words are folded.

In: nothing but text. Out: sets, alternatives for regular expressions, and two foldings.
Every rule that needs one of these lists (the source's paragraph kinds, drafting, coverage,
the search index, ids) takes it from here, so they cannot disagree about what a speech
verb or a link label is.
"""

from __future__ import annotations

import re
import unicodedata

SPEECH_VERBS = ("said", "says", "say", "added", "adds", "explained", "commented", "stated",
                "stressed", "warned", "insisted", "admitted", "acknowledged", "continued", "told")
"""Verbs that attribute words to someone: "X said", "..., she added", "he told the BBC"."""
SPEECH_VERB = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b", re.IGNORECASE)

ATTRIBUTION_VERBS = SPEECH_VERBS + (
    "states", "state", "wrote", "writes", "write", "noted", "notes", "note", "asked", "asks",
    "concluded", "concludes", "claimed", "claims", "argued", "argues", "urged", "urges",
    "replied", "replies", "responded", "remarked", "observed", "tells", "explains", "comments",
    "stresses", "warns", "insists", "admits", "acknowledges", "continues", "reported",
    "declared", "announced", "confirmed", "suggested", "suggests", "pointed out",
    "saying", "adding", "explaining", "warning", "stating", "writing", "noting", "telling")
"""Verbs that give quoted words to whoever is named beside them: SPEECH_VERBS and the others
reports use ("..., wrote the lead inspector", "..., states Ofsted", "saying: ‘...’")."""
PARTICIPLE_VERBS = frozenset(verb for verb in ATTRIBUTION_VERBS if verb.endswith("ing"))
"""Attribution verbs whose speaker is the subject of the sentence, not the words before them:
"X criticised the strategy, saying: ‘...’"."""
EMBEDDING_VERBS = ATTRIBUTION_VERBS + (
    "found", "finds", "find", "called", "calls", "described", "describes", "branded", "brands",
    "labelled", "labels", "criticised", "criticises", "praised", "praises", "highlighted",
    "highlights", "revealed", "reveals", "judged", "rated", "concluded", "identified",
    "observed", "noted", "assured", "satisfied", "indicated", "showed", "shows")
"""Verbs whose subject owns a quotation inside its sentence: "inspectors found “...”",
"X called the prison ‘...’"."""
INSPECTION_VOICE_NOUNS = frozenset("""
report reports inspection inspections inspectors inspectorate inspectorates
watchdog regulator regulators review findings team
""".split())
"""Nouns by which a text gives the inspecting body's words without naming it: "the report",
"inspectors", "the government watchdog", "the inspection team"."""
CHANNEL_NOUNS = frozenset("""
report statement letter response letters submission blog update briefing
""".split())
"""What a body speaks through: "said in a statement", "states Ofsted in its report"."""
ORGANISATION_NAME_NOUNS = frozenset("""
nursery nurseries school academy college university surgery surgeries practice clinic
hospital hospitals trust council police constabulary service services board authority
commission inspectorate federation union association group centre prison department ministry
office agency partnership foundation charity society institute network institution committee
ltd limited plc company organisation organisations body bodies ombudsman watchdog force
home homes hospice ward unit
""".split())
"""Nouns that make a capitalised name an organisation's, not a person's ("Explorers Day
Nursery", "Prison Reform Trust"), or make a phrase a body ("the force", "the organisations")."""

LINK_LABELS = (r"read more", r"related(?: links| articles| stories| content| topics)?",
               r"see also", r"more on this(?: story)?", r"also read", r"advertisement",
               r"more (?:news|stories)", r"most read", r"top stories", r"you may also like",
               r"share this(?: article)?", r"sign up\b.*", r"click here\b.*", r"follow us\b.*")
"""How a pasted page labels what is not the article: links to other stories, calls to act."""
LINK_LABEL = "(?:" + "|".join(LINK_LABELS) + ")"

COMMON_WORDS = frozenset("""a an and are as at be been but by for from had has have he her his i
in into is it its of on or our she so than that the their there they this to was we were which
who will with""".split())
"""Words too common to tell texts apart: left out of the search index (and of queries, by
`templates/assets/search.js`, which lists them too; a test holds the two to each other)."""
EMPTY_IN_AN_ID = COMMON_WORDS | frozenset("""about after any before being can could did do does
many may might more most much must only onto over own same should some such then these those
under very what when where whom whose would also""".split())
"""Words that say nothing of what an item is about: left out of drafted ids and of the words
that tell whether two sentences make the same point."""

ROLE_WORDS = frozenset("""
assistant chief deputy acting interim constable superintendent inspector detective sergeant
commander commissioner director minister secretary executive officer head
headteacher leader chair chairman chairwoman chairperson president governor mayor manager
nurse matron principal spokesman spokeswoman spokesperson member lead hm mp mep registrar
consultant editor founder partner coordinator
""".split())
"""Words that make a phrase a role: "HM inspector of constabulary", "chief executive"."""


def without_accents(text: str) -> str:
    """`Zoë` -> `Zoe`: accents dropped, every other character kept."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def ascii_only(text: str) -> str:
    """`Zoë Søren` -> `Zoe Sren`: accents dropped, and any character with no ASCII form."""
    return without_accents(text).encode("ascii", "ignore").decode("ascii")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1, "finding"` -> `1 finding`; `3, "finding"` -> `3 findings`."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


MEANING_WORDS = re.compile(r"\b(?:" + "|".join([
    r"not", r"no", r"never", r"nor", r"none", r"nothing", r"neither", r"without", r"cannot",
    r"\w+n[’']t", r"fail(?:s|ed|ing)? to", r"unable", r"lack(?:s|ed|ing)?",
    r"needs? to", r"needed to", r"must", r"should", r"more", r"less", r"fewer", r"most",
    r"least", r"only", r"some", r"few", r"too", r"enough", r"yet", r"still", r"but",
    r"although", r"though", r"however", r"except", r"despite", r"unless", r"partly",
    r"largely", r"mostly", r"sometimes", r"always", r"rarely", r"almost",
    r"un(?!der|til|ion|it|iv|iform|ique)[a-z]{4,}",
    r"in(?:adequate|consistent|effective|sufficient|appropriate|complete|accurate|ability"
    r"|capable|correct|secure)\w*",
]) + r")\b", re.IGNORECASE)
"""Words that turn or limit what a sentence says (a negation, "needs to", "only", "more",
"unsafe"): a cut that leaves one out can reverse a quotation's meaning."""

STANCE_VERBS = ("calling", "calls", "welcomed", "welcomes", "expressed", "expresses",
                "demanded", "demands", "demanding", "disputed", "disputes", "refuted", "refutes",
                "rejected", "rejects", "questioned", "questions", "believes", "believed",
                "thinks", "hopes", "hoped", "pledged", "pledges", "promised", "promises",
                "vowed", "vows", "welcoming")
"""Verbs by which someone takes a stand in narration without being quoted: "A charity is
calling for an inquiry", "The head expressed surprise", "The trust disputed the findings".
With ATTRIBUTION_VERBS and EMBEDDING_VERBS, they say whose a sentence of narration is."""

INSPECTORATE_ABBREVIATIONS = ("CQC", "HMIC", "HMICFRS", "HMICS", "HMIP", "HMIPS", "HMCPSI",
                              "HMIe", "HMIE", "HIW", "CIW", "RQIA", "IMB", "ETI", "ISI", "HMIS")
"""The common abbreviations of inspectorates in the UK and Ireland ("HMCPSI", "HMIe", "RQIA"):
a text often names its inspector by one alone."""
INSPECTORATE_BARE_NAMES = ("Ofsted", "Estyn", "Education Scotland")
"""Inspectorates that go by a name of no telling shape, written in any case ("OFSTED")."""
NATIONS = ("Wales", "Scotland", "England", "Northern Ireland", "Ireland")
"""Names that may close an inspectorate's name: "Healthcare Inspectorate Wales"."""
