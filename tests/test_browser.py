"""The reader pages in a real browser: Debian's headless Chromium, driven by selenium through
chromedriver, against the app served on loopback over a seeded database. (`make test`
installs Chromium when it is missing.) Screenshots go to tests/artefacts/ (not committed).
"""

import shutil
import threading
from pathlib import Path

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait
from werkzeug.serving import make_server

from factcheck import create_app
from tests.concurrency import free_port

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTEFACTS = Path(__file__).parent / "artefacts"
# Headless as root, and nothing that reaches out to Google's hosts (the network is closed:
# background connections fail, and each failure would be noise in the console log).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
SEED_CLAIM = 1  # its quote holds no-break spaces: the JSON-LD must keep them


@pytest.fixture(scope="module")
def live_url(seeded_template, tmp_path_factory):
    """The app on a copy of the seeded database, served by werkzeug on a free port."""
    path = tmp_path_factory.mktemp("browser") / "factcheck.db"
    shutil.copyfile(seeded_template, path)
    app = create_app({"DATABASE": str(path)})
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), "run `make test` to install Chromium"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size=1280,900")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


# WCAG 2 contrast of every element that shows text, against the first opaque background
# behind it: [text, ratio] for each below 4.5:1 (AA for normal text).
LOW_CONTRAST = """
const rgb = (css) => css.match(/[\\d.]+/g).map(Number);
const luminance = ([r, g, b]) => {
  const channel = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const background = (element) => {
  for (let e = element; e; e = e.parentElement) {
    const color = rgb(getComputedStyle(e).backgroundColor);
    if (color.length < 4 || color[3] > 0) return color;
  }
  return [255, 255, 255];
};
const low = [];
for (const element of document.body.querySelectorAll("*")) {
  const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own || !element.getClientRects().length) continue;
  const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push([element.textContent.trim().slice(0, 40), ratio]);
}
return low;
"""


def console_errors(driver):
    """What the page logged at error level since the last call (the log drains as read)."""
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def wait(driver, condition):
    """Wait for condition(driver); an element of the page being left may go stale meanwhile
    (Chromium sometimes reports that as "does not belong to the document", not as stale)."""

    def holds(driver):
        try:
            return condition(driver)
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return False
            raise

    ignored = [StaleElementReferenceException]
    return WebDriverWait(driver, 30, ignored_exceptions=ignored).until(holds)


def open_page(driver, url):
    console_errors(driver)  # drain what an earlier page left
    driver.get(url)
    # get() returns once the page loads, but Chromium has been seen to return at
    # "interactive" for an error page: wait for "complete" (TimeoutException if it never is).
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")


@pytest.mark.parametrize("path", ["/", f"/claims/{SEED_CLAIM}", f"/claims/{SEED_CLAIM}/embed"])
def test_pages_render_with_no_console_error(browser, live_url, path):
    open_page(browser, live_url + path)
    assert browser.find_element(By.TAG_NAME, "main").is_displayed()
    # The stylesheet was allowed by the page's Content-Security-Policy and applied.
    quote = browser.find_element(By.CSS_SELECTOR, ".quote")
    assert quote.value_of_css_property("font-weight") in ("600", "700")
    assert browser.execute_script(LOW_CONTRAST) == []
    assert console_errors(browser) == []


def test_the_json_ld_parses_back_to_the_exact_quote(browser, live_url):
    quote = requests.get(f"{live_url}/api/v1/claims/{SEED_CLAIM}", timeout=10).json()["text"]
    assert "\u00a0" in quote
    open_page(browser, f"{live_url}/claims/{SEED_CLAIM}")
    review = browser.execute_script(
        "return JSON.parse("
        "document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == quote
    assert review["url"] == browser.current_url


def test_phone_screenshots_of_the_front_page_and_a_claim(browser, live_url):
    ARTEFACTS.mkdir(exist_ok=True)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        for name, path in (("front-page", "/"), ("claim", f"/claims/{SEED_CLAIM}")):
            open_page(browser, live_url + path)
            # Readable on a phone: laid out to the screen's width, no sideways scrolling.
            width = browser.execute_script("return document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (path, width)
            target = ARTEFACTS / f"{name}-phone.png"
            assert browser.save_screenshot(str(target)) and target.stat().st_size > 10_000
            assert console_errors(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_console_check_sees_an_error(browser, live_url):
    """The check above can fail: a 404 page logs the failed load of the document."""
    open_page(browser, f"{live_url}/claims/999999")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not found"
    # The log may be written a moment after the page is complete: keep reading until it is.
    logged = []

    def saw_404(driver):
        logged.extend(console_errors(driver))
        return any("404" in entry["message"] for entry in logged)

    assert wait(browser, saw_404)


def test_the_search_form_finds_a_reworded_claim(browser, live_url):
    open_page(browser, live_url)
    box = browser.find_element(By.ID, "q")
    label = browser.find_element(By.CSS_SELECTOR, "label[for=q]")
    assert label.text == "Has this been checked?" and label.is_displayed()
    box.send_keys("Trump fired the man in charge of election cyber security")
    browser.find_element(By.CSS_SELECTOR, "form[role=search] button").click()
    wait(browser, lambda driver: driver.find_element(By.TAG_NAME, "h1").text.startswith("Fact"))
    first = browser.find_element(By.CSS_SELECTOR, "li.card a")
    assert "cyber unit" in first.text
    first.click()
    wait(browser, lambda driver: "/claims/" in driver.current_url)
    assert browser.current_url == f"{live_url}/claims/{SEED_CLAIM}"
    assert console_errors(browser) == []
