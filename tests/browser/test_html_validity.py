"""Every page of the test sites (the default one, the two-briefing one and that one built for
hosting under a sub-path) is valid HTML by the Nu HTML Checker (vnu.jar), the W3C's own.

One run of the checker over all the files, since Java starts slowly; every error is listed
with its file and line.
"""

from __future__ import annotations

import json
import subprocess


def test_every_page_is_valid_html(vnu_jar, default_site, two_briefing_site, hosted_site):
    files = [site.folder / rel for site in (default_site, two_briefing_site, hosted_site)
             for rel in site.html_pages()]
    done = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300)
    report = json.loads(done.stderr or done.stdout)
    errors = [m for m in report["messages"] if m.get("type") != "info"]
    listed = "\n".join(
        f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: "
        f"{m.get('type')}{'/' + m['subType'] if m.get('subType') else ''}: {m.get('message')}"
        f"\n    {m.get('extract', '').strip()!r}"
        for m in errors)
    assert not errors, f"{len(errors)} errors in {len(files)} files:\n{listed}"
    assert done.returncode == 0, done.stderr
    assert len(files) >= 25
