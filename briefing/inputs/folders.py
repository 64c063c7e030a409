"""Find the briefing folders in the docs folder and read each one's two files.

In: a briefing folder (`find_briefing_folders` lists them). Out: a
`LoadedBriefing` holding its metadata (validated against `schema`) and its
source (split into paragraphs), the text of its `source.lock` if it has one
(read as safely as the other two; `checks.lock` reads what it says), plus
every `Problem` met on the way: unreadable files, YAML errors, fields of the
wrong type, unknown or missing fields, each located by line. A folder with
problems is still returned (without its metadata) so that one run reports the
problems of every briefing; `pipeline.check_site` runs this for every folder.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import Problem
from ..language.marks import placeholders, review_marks
from .files import DEFAULT_MAX_MB, UnsafeFile, read_input_file
from .schema import CONTROL_CHARACTERS, BriefingMetadata
from .source import SourceText, parse_source
from .validation import shown_value, validation_problems
from .yamlfile import YamlDocument, YamlSyntaxError, load_yaml

METADATA_FILE = "briefing.yml"
SOURCE_FILE = "source.txt"
LOCK_FILE = "source.lock"
"""What each citation and quote rested on when last checked (`checks.lock`); optional."""
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = {"assets", "downloads", "subjects", "inspectors", "tags", "people", "page"}
"""Folders of the built site that hold its own files: theme, downloads, indexes, home pages."""


@dataclass
class LoadedBriefing:
    """One briefing folder as read from disk; `metadata` is None if it failed to load."""

    slug: str
    folder: Path
    metadata: BriefingMetadata | None
    source: SourceText | None
    yaml: YamlDocument | None
    review_lines: tuple[int, ...] = ()
    """Lines of briefing.yml still marking an item to review (`# DRAFT (...)`)."""
    placeholders: tuple[tuple, ...] = ()
    """Where a value still holds a placeholder to fill in: `("source", "outlet")`."""
    metadata_text: str | None = None
    """briefing.yml as read, for `check --update-lock`, which rewrites numbers in it."""
    lock_text: str | None = None
    """source.lock as read, or None if the briefing has none yet."""

    @property
    def metadata_path(self) -> Path:
        return self.folder / METADATA_FILE

    @property
    def source_path(self) -> Path:
        return self.folder / SOURCE_FILE

    @property
    def lock_path(self) -> Path:
        return self.folder / LOCK_FILE

    def line_of(self, path: tuple) -> int | None:
        """The line in `briefing.yml` where the item at `path` is written."""
        return self.yaml.line_of(path) if self.yaml else None

    def whole(self) -> WholeBriefing | None:
        """This briefing with both its files, or None if either could not be used."""
        if self.metadata is None or self.source is None:
            return None
        return WholeBriefing(**vars(self))


@dataclass
class WholeBriefing(LoadedBriefing):
    """A briefing whose two files both loaded: what the checks and the model take."""

    metadata: BriefingMetadata
    source: SourceText


def find_briefing_folders(docs_dir: Path) -> list[Path]:
    """Every folder below `docs_dir` holding a briefing.yml or a source.txt, sorted."""
    found = set()
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if METADATA_FILE in files or SOURCE_FILE in files:
            found.add(Path(root))
    return sorted(found)


def load_briefing(folder: Path, docs_dir: Path, max_bytes: int = DEFAULT_MAX_MB * 1_000_000
                  ) -> tuple[LoadedBriefing, list[Problem]]:
    """Read one briefing folder; its files must be plain files within the docs folder."""
    problems: list[Problem] = []
    slug = folder.relative_to(docs_dir).as_posix()
    briefing = LoadedBriefing(slug, folder, None, None, None)
    if not SLUG.fullmatch(slug):
        problems.append(Problem(folder, (
            f"'{slug}' is not a usable briefing folder name. Use lower-case letters, digits "
            "and hyphens, directly inside the docs folder: e.g. 'cumbria-child-protection'.")))
    elif slug in RESERVED_SLUGS:
        problems.append(Problem(folder, (
            f"'{slug}' is reserved for the site's own files; rename the folder, e.g. "
            f"'{slug}-briefing'.")))
    reader = _TextReader(docs_dir, max_bytes, problems)
    source_text = reader.read(briefing.source_path)
    if source_text is not None:
        briefing.source = parse_source(source_text)
        if not briefing.source.paragraphs:
            problems.append(Problem(briefing.source_path, (
                "the source text is empty. Paste the article or report summary into it, "
                "exactly as received.")))
            briefing.source = None
    metadata_text = reader.read(briefing.metadata_path)
    if metadata_text is not None:
        _read_metadata(briefing, metadata_text, problems)
    briefing.lock_text = reader.read(briefing.lock_path, optional=True)
    return briefing, problems


def _read_metadata(briefing: LoadedBriefing, text: str, problems: list[Problem]) -> None:
    briefing.metadata_text = text
    briefing.yaml, briefing.metadata = _parse_metadata(briefing.metadata_path, text, problems)
    briefing.review_lines = review_marks(text)
    if briefing.yaml is not None:
        briefing.placeholders = tuple(placeholders(briefing.yaml.data))


def with_metadata_text(briefing: WholeBriefing, text: str) -> WholeBriefing | None:
    """`briefing` as it would be with `text` for its briefing.yml (`check --update-lock` checks
    the numbers it rewrites before writing them), or None if that text does not load."""
    changed = dataclasses.replace(briefing)
    problems: list[Problem] = []
    _read_metadata(changed, text, problems)
    return None if problems else changed.whole()


class _TextReader:
    """Reads a briefing's text files, turning every way they can be unusable into a `Problem`."""

    def __init__(self, docs_dir: Path, max_bytes: int, problems: list[Problem]):
        self.docs_dir = docs_dir
        self.max_bytes = max_bytes
        self.problems = problems

    def read(self, path: Path, optional: bool = False) -> str | None:
        if not path.exists() and not path.is_symlink():
            if not optional:
                self.problems.append(Problem(path, _missing(path)))
            return None
        try:
            data = read_input_file(path, self.max_bytes, inside=self.docs_dir)
        except UnsafeFile as refusal:
            self.problems.append(Problem(path, refusal.message))
            return None
        except OSError as error:
            self.problems.append(Problem(path, f"cannot be read: {error.strerror}."))
            return None
        return self.decode(path, data)

    def decode(self, path: Path, data: bytes) -> str | None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.problems.append(Problem(path, (
                f"not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read). Save the file "
                "as UTF-8 in your editor, or convert it: iconv -f WINDOWS-1252 -t UTF-8."), line))
            return None
        if "\0" in text:
            self.problems.append(Problem(path, "contains NUL bytes: this is not a text file.",
                                         text[: text.index("\0")].count("\n") + 1))
            return None
        if path.name == SOURCE_FILE and (found := CONTROL_CHARACTERS.search(text)):
            self.problems.append(Problem(path, (
                f"contains the control character U+{ord(found.group()):04X}, which a web page "
                "cannot carry; remove it (source.txt is otherwise kept exactly as received)."),
                text[: found.start()].count("\n") + 1))
            return None
        return text


def _missing(path: Path) -> str:
    other = SOURCE_FILE if path.name == METADATA_FILE else METADATA_FILE
    what = ("the curated metadata" if path.name == METADATA_FILE
            else "the source text, exactly as received")
    return (f"missing. A briefing folder holds {other} and {path.name}; create {path.name} "
            f"with {what}.")


def _parse_metadata(path: Path, text: str, problems: list[Problem]):
    try:
        document = load_yaml(text)
    except YamlSyntaxError as error:
        problems.append(Problem(path, error.message, error.line))
        return None, None
    if not isinstance(document.data, dict):
        problems.append(Problem(path, (
            "expected the fields of a briefing (title:, summary:, subject:, ...), found "
            f"{shown_value(document.data)}. See the metadata reference in README.md."), 1))
        return document, None
    try:
        return document, BriefingMetadata.model_validate(document.data)
    except ValidationError as error:
        problems.extend(validation_problems(path, document, error))
        return document, None
