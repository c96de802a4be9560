"""The second half of the course website's pages in Chromium (the first half: test_site.py).

A file of its own, so that pytest-xdist (--dist loadfile) gives it the other worker.
"""

import pytest

from .test_site import check_pages

pytestmark = pytest.mark.site


def test_every_other_page_in_the_browser(site, server, browser, axe_source, capsys):
    """Pages 2, 4, 6 ...: links, images, axe, Tab, no outside request."""
    check_pages(site, server, browser, axe_source, capsys, half=1)
