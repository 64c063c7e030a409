"""The words that tell praise from criticism in what an inspection found.

In: a piece of text. Out: its `Polarity` (how many positive and negative cues it
holds) and the `Cue`s behind it. The lexicon is the common vocabulary of inspection
reporting in English, not any one text's words: ratings ("outstanding", "good",
"requires improvement", "inadequate", "special measures", "6 out of 6", "the lowest
rating"), judging words ("praised", "dedicated"; "criticised", "lack of", "failed
to", "too reactive"), the plain words for conditions no report calls good
("squalid", "infested", "chaotic") and for care it praises ("warm", "homely"), a
small share ("in just 18 per cent of cases"), and a rise in what harms ("violence
had increased", "rising violence").

What a sentence says decides, not the words alone:

- the longest reading wins: "requires improvement" is one negative cue, not a
  positive "improvement"; "dropped from good to inadequate" one negative; "no
  concerns" and "moved out of inadequate" one positive each;
- a positive cue shortly after a negation is negative: "not yet securely good",
  "not to award his school a ‘good’ rating", "not ensuring fast enough progress";
- what is hoped for or asked is not found: positive words after "to provide", "to
  ensure", "before", "whether" ("more work is needed before services are
  consistently good") say nothing good, and negative words after "to ease", "to
  tackle" ("to ease prison overcrowding") nothing bad;
- a conceding clause ("Although the response is often good, ...") gives way to the
  rest of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HARMS = (r"violence|self-harm|self harm|drug use|drug-use|bullying|assaults?|suicides?"
         r"|(?:self-inflicted )?deaths|overcrowding"
         r"|restraint|use of force|complaints?|delays?|backlogs?|waiting (?:times|lists)"
         r"|vacanc(?:y|ies)|sickness|absences?|exclusions?|incidents?|errors?|injur(?:y|ies)")
"""What an inspection counts because it harms: more of it is worse."""
RISE = (r"increas\w*|ris(?:e|en|es|ing)|rose|doubled|tripled|trebled|soared|surged|highest|higher"
        r"|(?:very|too|extremely|unacceptably) high")
FALL = r"fall(?:en|s|ing)?|fell|reduc\w*|decreas\w*|dropped|lower"
RATINGS_BELOW = r"inadequate|poor|weak|unsatisfactory|requires? improvement|special measures"
QUOTE = r"[\"“”‘’']?"

NEGATIVE = re.compile(r"\b(?:" + "|".join([
    # a criticism of what would be praise, before the words it holds (the first alternative
    # that matches is taken)
    (r"(?:insufficient|limited|little|slow|poor|inadequate|no|minimal|patchy|variable)"
     r" (?:[\w-]+ )?(?:progress|improvements?|support|leadership|care|oversight)"),
    # judging words
    r"concern(?:s|ed|ing)?", r"criticis\w*", r"criticiz\w*", r"inconsistent\w*",
    r"lack(?:s|ed|ing)?(?: of)?", r"insufficient\w*", r"inadequate\w*", r"poor(?:ly)?",
    r"fail\w*", r"shortcomings?", r"shortfalls?", r"shortages?", r"weak(?:ness|nesses)?",
    r"ineffective\w*", r"problematic", r"unnecessar\w*", r"imped\w*", r"delay\w*", r"unsafe",
    r"unacceptabl\w*", r"inadequately", r"worse", r"worst", r"deteriorat\w*", r"breach\w*",
    r"fell short", r"struggl\w*", r"burn-?out", r"low morale", r"dirty|filthy|unhygienic|unclean",
    r"shocking|damning", r"dangerous|harmful|horrendous|inhumane|uncaring|punitive",
    # conditions and feelings that no report calls good
    r"squalid|decrepit|crumbling|dilapidated|derelict|infest\w*|vermin|rodents?|cockroach\w*",
    r"mould(?:y)?|damp|leak(?:s|ing|y)|chaotic|neglect(?:ed|ful)?|dire|appalling|grim|dearth",
    r"unhappy|dissatisfied|distress\w*|frightened|scared|afraid|unkempt|squalor",
    r"unsatisfactor\w*|under-?developed|mundane|undemanding|unattended|problems?",
    r"unsuitabl[ey]|inappropriate(?:ly)?|illegible|over-ambitious|far from ideal|poor choice",
    r"unimplemented|not (?:yet )?(?:implemented|embedded|in place)",
    (r"(?:fewer|less) (?:[\w-]+ ){0,3}than (?:[\w-]+ ){0,6}?(?:necessary|needed|required|planned"
     r"|assessed|safe)"), r"understaff\w*|short[- ]staffed|(?:fewer|less) staff",
    r"downgraded|f[ae]ll(?:en)? short|(?:ordered|forced) to close|closure notice",
    r"(?:remains?|remained|still) (?:a )?(?:significant |serious |major )?(?:challenge|concern|problem)",
    r"(?:remains?|remained|was|were|is|are) (?:too |very )?low",
    r"(?:could|can|should) (?:still )?do more", r"(?:still )?(?:more )?work to do",
    r"more action (?:is |was )?(?:needed|required)", r"needs? to continue to improve",
    r"in (?:their|its) early stages",
    r"limit(?:s|ed|ing)? (?:[\w-]+ ){0,4}?progress",
    r"(?:needs?|needed|needing|requir\w*) (?:urgent|immediate) (?:attention|improvement)",
    r"low (?:expectations|standards|aspirations|attendance|morale|levels of \w+)",
    r"below (?:the )?(?:[\w’'-]+ ){0,5}?(?:average|standards?|expectations?)", r"poorer",
    r"over-used|overused|over-crowd\w*|overcrowd\w*|crowding|overdue|out of date",
    r"(?:beyond|above|over) (?:[\w’']+ ){0,4}capacity",
    r"(?:faces?|faced|facing) (?:[\w-]+ ){0,2}challenges?", r"must overcome",
    # too much, not enough, not done
    r"too (?!and\b|but\b|or\b)\w+",
    r"not (?:always|consistently|enough|as|receiving|sufficiently|effectively|properly|yet)",
    (r"(?:don|doesn|didn|wasn|weren|isn|aren|hasn|haven|hadn|couldn|wouldn|shouldn|can|won)"
     r"['’]t(?: always| consistently)?"),
    r"(?:did|does|do|was|were|is|are|has|have|had|could)(?: \w+ly)? not(?! only\b| just\b)",
    r"cannot", r"unable to", r"(?:had|has|have) no",
    # improvement wanted
    (r"(?:needs?|needed|must|should) (?:to )?"
     r"(?:improve\w*|do more|better \w+|be (?:improved|addressed|strengthened))"),
    r"(?:must|should|needs? to|required to|has to|have to) make (?:[\w-]+ ){0,2}improvements?",
    (r"(?:must|should|needs? to|needed to|ought to|had to|has to|have to) (?:be|have|get)"
     r" (?:[\w’'-]+ ){0,5}?(?:better|improved)\b(?: \w+ed\b)?"),
    r"(?:needs?|needing|needed|requir\w*|in need of) (?:\w+ )?improvement",
    (r"(?:in |for )?(?:just|only) (?:\w+ )?(?:\d+|a (?:third|quarter|fifth|half|few|minority))"
     r"(?: ?per ?cent| ?%)?(?: of)?"),
    r"improvements? (?:(?:are|is|were|was) )?(?:still )?(?:needed|required|necessary)",
    r"areas? (?:of|for|requiring|needing|that need|which need) (?:further )?improvement",
    r"more (?:work|needs to be done|to do)", r"still (?:needs?|needed|requires?|had|has) \w+",
    # ratings
    r"special measures", r"lowest (?:possible |overall )?(?:rating|grade|mark|score|judgement)s?",
    (r"(?:dropped|downgraded|fallen|fell|slipped|declined|plunged)(?: [\w’'-]+){0,8}? from "
     + QUOTE + r"(?:good|outstanding|" + RATINGS_BELOW + r")" + QUOTE + r" to " + QUOTE
     + r"[\w ]{1,25}?" + QUOTE + r"(?=\W|$)"),
    (r"(?:rated|judged|graded|scored|labelled|deemed|branded)(?: (?!as\b)[\w’'-]+){0,5}? (?:as )?"
     + QUOTE + r"(?:" + RATINGS_BELOW + r")"),
    # more of what harms
    r"(?:" + HARMS + r")(?: [\w-]+){0,6}? (?:had |has |have )?(?:" + RISE + r")",
    r"(?:rise|rising|increase|increases|surge) in (?:the )?(?:[\w-]+ ){0,2}(?:" + HARMS + r")",
    (r"(?:rising|increasing|growing|escalating|worsening|soaring|high|higher|widespread)"
     r" (?:levels? of |rates? of |numbers? of )?(?:[\w-]+ )?(?:" + HARMS + r")"),
]) + r")\b", re.IGNORECASE)
POSITIVE = re.compile(r"\b(?:" + "|".join([
    # judging words
    r"prais\w*", r"commend\w*", r"good", r"strong\w*", r"improv\w*", r"effective(?:ly)?",
    r"(?<!\bas )well(?! as\b|-being|-led\b| beyond| above| below| over| under)",
    r"positive\w*", r"progress\w*", r"commit(?:ted|ment|ments)?", r"dedicat\w*", r"outstanding", r"excellent",
    r"thorough\w*", r"quick(?:ly)?", r"pleased", r"impress\w*", r"decisive\w*",
    r"clear (?:evidence|understanding|vision|grip|focus|plan)", r"strengths?", r"kind(?:ness)?",
    r"compassion\w*", r"dignity", r"respect(?:ed|ful)?", r"well-led", r"well led", r"better",
    r"success\w*", r"robust", r"enjoy\w*", r"confident(?:ly)?", r"motivated", r"safe(?:ly)?",
    r"knowledgeabl[ey]", r"creativ\w*", r"enrich\w*", r"caring", r"inclusive", r"welcoming",
    r"happy", r"make (?:a )?(?:real |positive |big )?difference", r"very good",
    r"warm(?:th|ly)?", r"homely", r"flourish\w*", r"thriv\w*", r"top (?:marks|grades?|rating)",
    r"exceptional(?:ly)?", r"sufficient(?:ly)?", r"adequate(?:ly)?", r"(?:well|highly) regarded",
    r"above (?:the )?(?:[\w’'-]+ ){0,5}?average", r"high[- ]quality",
    (r"no (?:major |significant |serious )?(?:concerns?|problems?|issues?|weaknesses?"
     r"|shortcomings?|failings?)"),
    (r"(?:view|claim|concern|criticism|suggestion|allegation)s? (?:is|was|are|were) not"
     r" (?:supported|borne out|justified|substantiated)"),
    # ratings
    r"highest (?:possible )?(?:rating|grade|mark|score)s?",
    (r"(?:removed|lifted|out of|no longer)\s+(?:[\w’']+\s+){0,3}?" + QUOTE
     + r"(?:" + RATINGS_BELOW + r")(?:" + QUOTE + r"\s+rating)?"),
    (r"(?:improved|rose|risen|moved|upgraded|climbed) from " + QUOTE + r"[\w ]{1,25}?" + QUOTE
     + r" to " + QUOTE + r"(?:good|outstanding)"),
    # less of what harms
    r"(?:" + FALL + r") (?:in )?(?:the )?(?:number of )?(?:" + HARMS + r")",
]) + r")\b", re.IGNORECASE)
GRADE = re.compile(r"\b(\d{1,2}) out of (\d{1,2})\b")
"""A grade on a scale: "6 out of 6" is the top of it, "1 out of 6" the bottom."""
NEGATION = re.compile(
    r"\b(?:not(?! only\b| just\b)|never|nor|without|no longer|far from|hardly|cannot"
    r"|\w+n['’]t|fail(?:s|ed|ing)? to|unable to)\b", re.IGNORECASE)
NEGATION_REACH = 7
"""How many words after a negation a positive word is still negated."""
SCOPE_END = re.compile(r"[,;:.!?–—]|\b(?:and|but|or|while|although|though|which|who)\b",
                       re.IGNORECASE)
HOPED_FOR = re.compile(
    r"\b(?:(?:in order |so as )?to [\"“‘']?(?:provide|ensure|achieve|deliver|make|secure|raise"
    r"|drive|help|bring|give|promote|improve|become|keep|reach|sustain|embed)|before|until|unless|whether|if|for being"
    r"|(?:downgraded|dropped|fallen|fell|slipped|declined)\b[^.;]{0,40}?\bfrom"
    r"|(?:for|of|on|at|in|about) how|^how|(?<=[.!?] )how"
    r"|aim\w* to|hope\w* to|plan\w* to|ambition\w* to)\b", re.IGNORECASE)
"""Where a clause turns to what is wanted: its positive words are not found."""
REMEDIED = re.compile(
    r"\bto (?:ease|reduce|tackle|address|combat|prevent|avoid|cut|end|stop|overcome|minimise"
    r"|minimize|eliminate|resolve)\b"
    r"|\b(?:respond\w*|react\w*|deal(?:s|t|ing)?|act(?:s|ed|ing)?|address\w*)\s+(?:\w+ly\s+)?"
    r"(?:to|with|on)\b|\bunderstanding of\b|\baware(?:ness)? of\b", re.IGNORECASE)
"""Where a clause turns to what is to be remedied, answered or known ("responding quickly
to clear and specific concerns", "a clear understanding of the weaknesses"): its negative
words are not found."""
INFINITIVE = re.compile(r"\bto\s+(?:[\w-]+\s+){0,3}?[\"“‘']?$|\bto\s+\w+\b", re.IGNORECASE)
"""A purpose after a criticism: what is to be done, not what was found."""
CLAUSE_END = re.compile(r"[;.!?]|\bbut\b|\bwhile\b|\bhowever\b", re.IGNORECASE)
FINITE_VERB = re.compile(r"\b(?:is|are|was|were|had|has|have|been|remains?|remained)\b",
                         re.IGNORECASE)
INSPECTION_VOICE = re.compile(
    r"\b(?:inspectors?|inspectorate|report|review|inspection|watchdog|regulator|findings)\b",
    re.IGNORECASE)
"""Who, when they 'say' something, speak for the inspection rather than for themselves."""
CONCESSION = re.compile(
    r"(?:^|(?<=\bthat )|(?<=, ))(?:although|though|despite|even though|while)\b[^,]*,\s*",
    re.IGNORECASE)
"""A conceding clause ("Although the response is often good, ..."): the point is what follows."""


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    positive: bool
    negated: bool = False
    """A positive word read as negative: "not yet securely good"."""


@dataclass(frozen=True)
class Polarity:
    positive: int
    negative: int

    @property
    def kind(self) -> str | None:
        """`findings` when praise outweighs criticism, `concerns` for the reverse, else None."""
        if self.positive > self.negative:
            return "findings"
        if self.negative > self.positive:
            return "concerns"
        return None

    @property
    def is_mixed(self) -> bool:
        return self.positive > 0 and self.negative > 0


def polarity(text: str) -> Polarity:
    """Count the cues in `text`, a conceding clause aside."""
    found = cues(CONCESSION.sub("", text))
    positives = sum(1 for cue in found if cue.positive)
    return Polarity(positives, len(found) - positives)


def cues(text: str) -> list[Cue]:
    """The cues of `text` in reading order, each read as the sentence reads it."""
    matches = [(m.start(), m.end(), True) for m in POSITIVE.finditer(text)]
    matches += [(m.start(), m.end(), False) for m in NEGATIVE.finditer(text)]
    matches += [(m.start(), m.end(), high) for m in GRADE.finditer(text)
                if (high := _is_high(m)) is not None]
    kept: list[tuple[int, int, bool]] = []
    for start, end, positive in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, positive))
    found = []
    for start, end, positive in sorted(kept):
        if (_is_wanted(text, start, HOPED_FOR) or _is_remedy_sought(text, start, kept)) \
                if positive else _is_remedied(text, start):
            continue
        negated = positive and _is_negated(text, start, kept)
        found.append(Cue(text[start:end], start, positive and not negated, negated))
    return found


def cue_words(text: str) -> str:
    """The cues that decided, for the YAML comment: 'cues: "criticised", "not always"'."""
    found = [f'"{cue.text}" negated' if cue.negated else f'"{cue.text}"' for cue in cues(text)]
    return "cues: " + ", ".join(dict.fromkeys(found)) if found else "no cues"


def _is_high(match: re.Match) -> bool | None:
    """True for a grade near the top of its scale, False near the bottom, None between."""
    got, scale = int(match.group(1)), int(match.group(2))
    if not 0 < scale <= 10 or got > scale:
        return None
    share = got / scale
    return True if share >= 2 / 3 else False if share <= 1 / 3 else None


def _is_wanted(text: str, start: int, turn: re.Pattern) -> bool:
    """Whether the clause has turned, before `start`, to what is hoped for."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    return turn.search(text, clause_start, start) is not None


def _is_remedy_sought(text: str, start: int, kept: list[tuple[int, int, bool]]) -> bool:
    """Whether a positive word is what a criticism earlier in the clause asks for: "needs to
    do more to improve", "not enough is being done to create a positive culture"."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    return any(not positive and clause_start <= end <= start
               and INFINITIVE.search(text, end, start) for _, end, positive in kept)


def _is_remedied(text: str, start: int) -> bool:
    """Whether the words at `start` are what a verb before them remedies or answers: its
    object, up to the next verb ("to combat self-harm were over-used": not "over-used")."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    turns = list(REMEDIED.finditer(text, clause_start, start))
    return bool(turns) and not FINITE_VERB.search(text, turns[-1].end(), start)


def _is_negated(text: str, start: int, matches: list[tuple[int, int, bool]]) -> bool:
    """Whether a negation shortly before `start`, in the same clause, turns the word round."""
    before = text[:start]
    words = list(re.finditer(r"\w[\w’'-]*", before))[-NEGATION_REACH:]
    window_start = words[0].start() if words else start
    scope_ends = [m.end() for m in SCOPE_END.finditer(before, window_start)]
    window_start = max([window_start] + scope_ends)
    return any(not any(s <= negation.start() < e and positive for s, e, positive in matches)
               for negation in NEGATION.finditer(before, window_start))
