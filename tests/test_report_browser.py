"""The report in a real browser: headless Chromium (Debian's chromium + chromium-driver) driven
by Selenium opens the page from a file:// URL, with no console error; the filter, reached with
the keyboard, hides the rows without errors or warnings; a term shows its concept entry on
hover; a screenshot is written. Skips, saying why, where the browser is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from report_helpers import (
    REFERENCES,
    STEM,
    article_run,  # noqa: F401 - the session fixture
    gold_one_to_one,
    record_with_human_targets,
)

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("XLING_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("XLING_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1600,1200",
]


@pytest.fixture
def browser(tmp_path):
    for what, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            pytest.skip(
                f"{what} not found at {path}: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
            )
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed: pip install 'xling[test]'")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def page(article_run, tmp_path, cli):  # noqa: F811
    record = record_with_human_targets(article_run, tmp_path / "out", gold_one_to_one())
    args = ["report", record, "-o", tmp_path / "report.html"]
    for lang, path in REFERENCES.items():
        args += ["--ref", f"{lang}={path}"]
    result = cli(args)
    assert result.exit_code == 0, result.output
    return tmp_path / "report.html"


def _severe(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]


def test_report_in_headless_chromium(browser, page, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(page.as_uri())
    assert browser.title == f"{STEM}: xling review report"
    assert _severe(browser) == []
    rows = browser.find_elements(By.CSS_SELECTOR, "#segments tr.segment")
    assert len(rows) == 16 and all(r.is_displayed() for r in rows)
    flagged = {
        r.get_attribute("data-segment") for r in rows if r.get_attribute("data-severity") in ("error", "warning")
    }
    clean = {r.get_attribute("data-segment") for r in rows} - flagged
    assert flagged and clean, "the page needs rows with and without issues for the filter to be tested"

    # keyboard only: Tab to the filter (a radio group), arrow to "only segments with errors or warnings"
    target = browser.find_element(By.ID, "filter-issues")
    for _ in range(40):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        active = browser.switch_to.active_element
        if active.get_attribute("name") == "show":
            break
    else:
        pytest.fail("the filter cannot be reached with the Tab key")
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    assert target.is_selected()
    shown = {r.get_attribute("data-segment") for r in rows if r.is_displayed()}
    assert shown == flagged
    status = browser.find_element(By.ID, "filter-status").text
    assert status == f"{len(flagged)} of 16 segments shown"

    # hover on a term: its concept entry appears
    terms = browser.find_elements(By.CSS_SELECTOR, "#segments td[lang='ru'] a.term[data-entry]")
    term = next(t for t in terms if t.is_displayed())
    entry = term.get_attribute("data-entry")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", term)
    ActionChains(browser).move_to_element(term).perform()
    popup = browser.find_element(By.ID, "term-popup")
    assert popup.is_displayed() and entry in popup.text
    assert term.text.split()[0][:3] in popup.text  # the entry's Russian terms are on the card
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    keep = os.environ.get("XLING_REPORT_SCREENSHOT")
    if keep:
        shutil.copy(shot, Path(keep))
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not popup.is_displayed()

    # the print stylesheet: no filter controls or legend on paper, a 9 pt body
    body = browser.find_element(By.TAG_NAME, "body")
    screen_size = body.value_of_css_property("font-size")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.ID, "filters").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "p.legend").is_displayed()
    assert body.value_of_css_property("font-size") == "12px" != screen_size
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert browser.find_element(By.ID, "filters").is_displayed()
    assert _severe(browser) == []
