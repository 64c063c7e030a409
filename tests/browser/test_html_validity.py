"""Every page of the test sites (the default one, the two-briefing one and that one built for
hosting under a sub-path) is valid HTML by the Nu HTML Checker (vnu.jar), the W3C's own.

One run of the checker over all the files, since Java starts slowly; every error is listed
with its file and line.
"""

from __future__ import annotations

from .support import nu_errors


def test_every_page_is_valid_html(vnu_jar, default_site, two_briefing_site, hosted_site):
    files = [site.folder / rel for site in (default_site, two_briefing_site, hosted_site)
             for rel in site.html_pages()]
    assert len(files) >= 25
    errors = nu_errors(vnu_jar, files)
    assert not errors, f"{len(errors)} errors in {len(files)} files:\n" + "\n".join(errors)
