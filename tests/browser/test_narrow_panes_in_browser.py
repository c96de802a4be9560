"""A narrow pane (two lessons side by side): every widget control still shows its whole label and its value.

In a file of its own, apart from tests/browser/test_lessons_in_browser.py, so that the two test workers share the
browser runs (tests are dealt to the workers file by file; each worker starts its own JupyterLab).
"""

from __future__ import annotations

import pytest

from .harness import LessonDriver
from .test_lessons_in_browser import LESSON_PARAMS
from .test_lessons_in_browser import test_committed_lessons_unchanged as _committed_unchanged

pytestmark = pytest.mark.browser

NARROW_PX = 440  # a browser this wide gives a notebook about as much room as half of a laptop screen


# the lessons whose controls the first-use review saw cut off (long option texts, many sliders); each run
# costs ~15 s of the serial browser session
NARROW_LESSONS = [p.values[0] for p in LESSON_PARAMS if p.values[0] and p.values[0][:2] in {"01", "02", "04", "08"}]


@pytest.mark.parametrize("name", NARROW_LESSONS, ids=lambda n: n[:2])
def test_in_a_narrow_pane_no_control_label_is_cut_off(page, lab, name):
    driver = LessonDriver(page, lab.server, name)
    driver.open()
    driver.run_all()
    driver.find_widget()
    driver.settle()
    # then the pane narrows, as when a second lesson opens beside this one (JupyterLab shows one document)
    page.set_viewport_size({"width": NARROW_PX, "height": 900})
    current_left_tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if current_left_tab.count():
        current_left_tab.first.click()  # close the file browser: the lesson gets the pane
    page.wait_for_timeout(500)
    driver.screenshot("narrow")
    with driver.step(f"check at {NARROW_PX} px that every control shows its whole label and its value"):
        width = page.evaluate("() => document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)').clientWidth")
        assert 300 <= width <= NARROW_PX, f"the notebook is {width} px wide, not a narrow pane"
        clipped = driver.clipped_controls()
        assert not clipped, f"controls whose text is cut off or hidden at {width} px: {clipped[:6]}"


def test_committed_lessons_still_unchanged(lab):
    """Runs last in this file: the narrow-pane runs, too, left the committed lessons as they were."""
    _committed_unchanged(lab)
