"""The command line: `python build.py [build|check|serve|new|export|schema]`.

Exit codes: 0 all is well; 1 a briefing or the site has problems (each one
reported, nothing written); 2 the command itself was wrong (argparse's usage
errors, a missing mkdocs.yml). A user's mistake never shows a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .errors import BriefingError, CheckFailed, UsageError
from .language.words import plural
from .parallel.collector import before_exit

if TYPE_CHECKING:
    from .project import Project

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXPORTS_DIR = "exports"
"""Where `export` writes unless told: a folder of the project that .gitignore leaves out."""
COUNTED_WARNINGS_MAX = 50
"""A build counts `check`'s warnings on sites up to this many briefings (about 10 ms each to
measure); a larger site's build says to run `check` instead of taking that long."""


def run(default_config: Path) -> NoReturn:
    """`build.py`'s entry point: run the command given, then end the process."""
    try:
        code = main(default_config=default_config)
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] == __package__:
            raise  # our own module: a bug, not a setup to fix
        print(_not_installed(missing.name or "?"), file=sys.stderr)
        code = EXIT_USAGE
    before_exit()
    sys.exit(code)


def _not_installed(module: str) -> str:
    """What to do when `build.py` runs in a Python that lacks the packages it needs: most
    often, a terminal where the project's virtual environment is not active."""
    activate = r".venv\Scripts\activate" if os.name == "nt" else ". .venv/bin/activate"
    return (f"error: this Python ({sys.executable}) lacks what Briefing needs (the module "
            f"'{module}' is not installed).\n"
            f"Activate the project's virtual environment, then run the command again:\n"
            f"  {activate}\n"
            f"No .venv folder yet? Create it once, in the project folder:\n"
            f"  python3 -m venv .venv && {activate} && pip install -e .")


def main(argv: list[str] | None = None, default_config: Path | None = None) -> int:
    """Run one command; return its exit code."""
    # Imported here, not above: a process the build spawns re-imports build.py, and with it
    # this module, and needs none of the package.
    from .project import ConfigError, Project

    parser = _parser(default_config or Path.cwd() / "mkdocs.yml")
    args = parser.parse_args(argv)
    if getattr(args, "accept_changed", False) and not args.update_lock:
        parser.error("--accept-changed goes with --update-lock")
    project = Project(Path(args.config).absolute())
    try:
        return _COMMANDS[args.command or "build"](project, args)
    except CheckFailed as failure:
        print(failure, file=sys.stderr)
        return EXIT_PROBLEMS
    except (ConfigError, UsageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("Interrupted; nothing was replaced.", file=sys.stderr)
        return 130


# Each command imports what it needs when it runs: `check` need not load MkDocs' builder.

def _build(project: Project, args) -> int:
    from .commands.build import run_build
    from .commands.check import warning_count

    result = run_build(project, Path(args.site_dir) if args.site_dir else None)
    shown = _shown_path(result.site_dir)
    counted = result.briefings <= COUNTED_WARNINGS_MAX
    warnings = warning_count(project) if counted else 0
    counts = [plural(result.pages, "page")]
    if result.warnings:
        counts.append(plural(result.warnings, "build warning"))
    if not counted:
        counts.append("warnings not counted on a site this size")
    else:
        counts.append(f"{plural(warnings, 'warning')} from check" if warnings else "no warnings")
    print(f"Built {plural(result.briefings, 'briefing')} ({', '.join(counts)}) into "
          f"{shown}{os.sep} in {result.seconds:.2f} s.")
    print(f"Open {shown}{os.sep}index.html in a browser, or run: python build.py serve")
    if warnings or not counted:
        print("To see each warning, run: python build.py check")
    return EXIT_OK


def _check(project: Project, args) -> int:
    from .commands.check import coverage_lines, run_check

    report = run_check(project, update_lock=args.update_lock,
                       accept_changed=args.accept_changed)
    failed = bool(report.warnings) and args.strict
    print(report.summary if failed else f"OK: {report.summary}")
    print("Coverage:")
    for line in coverage_lines(report):
        print(line)
    for line in report.written:
        print(line)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if failed:
        print(f"{plural(len(report.warnings), 'warning')}; --strict makes them errors.",
              file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _serve(project: Project, args) -> int:
    from .commands.serve import run_serve

    run_serve(project, args.dev_addr)
    return EXIT_OK


def _new(project: Project, args) -> int:
    from .commands.new import run_new

    result = run_new(project, args.slug, Path(args.source), force=args.force)
    print(f"Created {_shown_path(result.folder)}{os.sep} from {args.source} "
          f"(read as {result.encoding}).")
    for note in result.notes:
        print(f"  {note}")
    if result.backup:
        print(f"The previous folder was kept as {_shown_path(result.backup)}.")
    counts = result.counts
    print(f"Drafted {plural(counts.findings, 'finding')}, {plural(counts.concerns, 'concern')}, "
          f"{plural(counts.people, 'person', 'people')} and {plural(counts.quotes, 'quote')}.")
    if result.placeholders:
        print("Fill in: " + ", ".join(result.placeholders) + ".")
    print(f"Review each DRAFT item in {_shown_path(result.folder / 'briefing.yml')}, "
          "then run: python build.py check")
    return EXIT_OK


def _export(project: Project, args) -> int:
    from .commands.export import run_export

    if not args.slugs and not args.all:
        print("error: name the briefing(s) to export, or use --all.", file=sys.stderr)
        return EXIT_USAGE
    output_dir = Path(args.output_dir) if args.output_dir else project.root / EXPORTS_DIR
    written = run_export(project, args.slugs, output_dir, everything=args.all,
                         force=args.force)
    for path in written:
        print(f"Wrote {_shown_path(path)}")
    if not args.output_dir:
        print(f"({EXPORTS_DIR}{os.sep} is the project's folder for exports, which git ignores; "
              "--output-dir DIR writes elsewhere.)")
    return EXIT_OK


def _schema(project: Project, args) -> int:
    from .commands.schema import run_schema

    folders = project.folders()
    written = run_schema(folders.docs_dir, project.root / "README.md", folders.templates_dir)
    print("Wrote " + " and ".join(_shown_path(path) for path in written))
    return EXIT_OK


_COMMANDS = {"build": _build, "check": _check, "serve": _serve, "new": _new,
             "export": _export, "schema": _schema}


def _shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _parser(default_config: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Build a briefing site: every briefing folder in docs/ (source.txt + "
                    "briefing.yml) becomes a checked, navigable static site.",
        epilog="Exit codes: 0 ok, 1 briefing or build problems (nothing written), 2 usage.",
    )
    parser.add_argument("--config", default=str(default_config), metavar="FILE",
                        help="the MkDocs configuration (default: mkdocs.yml beside build.py)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title="commands (default: build)")
    build = commands.add_parser("build", help="check every briefing, then build the site")
    build.add_argument("--site-dir", metavar="DIR",
                       help="where to write the site (default: site_dir in mkdocs.yml)")
    check = commands.add_parser(
        "check", help="check every briefing and report all problems, then what each still "
                      "misses of its source (coverage); write nothing but source.lock")
    check.add_argument("--strict", action="store_true",
                       help="treat coverage warnings as errors (exit 1)")
    check.add_argument("--update-lock", action="store_true",
                       help="re-anchor each citation whose paragraph moved in source.txt "
                            "(its number rewritten in briefing.yml), then rewrite source.lock; "
                            "refused while a cited paragraph has changed")
    check.add_argument("--accept-changed", action="store_true",
                       help="with --update-lock: take cited paragraphs whose words changed "
                            "as they now stand")
    serve = commands.add_parser("serve", help="preview the site; rebuilds when a file changes")
    serve.add_argument("--dev-addr", metavar="HOST:PORT",
                       help="address to serve on (default 127.0.0.1:8000)")
    new = commands.add_parser(
        "new", help="start a briefing from a text: docs/SLUG/ with source.txt and a drafted "
                    "briefing.yml")
    new.add_argument("slug", metavar="SLUG",
                     help="the new briefing's folder name: lower-case letters, digits, hyphens")
    new.add_argument("--source", required=True, metavar="FILE",
                     help="the article: a text file in any common encoding, or a saved web page")
    new.add_argument("--force", action="store_true",
                     help="if docs/SLUG exists, move it to docs/.SLUG.backup-N first")
    export = commands.add_parser(
        "export", help="write single-file briefings (one HTML file each) to email or archive")
    export.add_argument("slugs", nargs="*", metavar="SLUG", help="the briefing folder name(s)")
    export.add_argument("--all", action="store_true",
                        help="every briefing, plus the whole site as a zip")
    export.add_argument("--output-dir", metavar="DIR",
                        help=f"where to write (default: {EXPORTS_DIR}/ in the project, which "
                             ".gitignore leaves out)")
    export.add_argument("--force", action="store_true", help="replace files that exist")
    commands.add_parser("schema", help="write docs/briefing.schema.json and README.md's "
                                       "metadata reference from the model")
    parser.set_defaults(site_dir=None)
    return parser
