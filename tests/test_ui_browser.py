"""The pages in a real browser: Debian's headless Chromium, driven by Selenium, against a real
``searchapp serve`` process over an index of the seeds and the test articles.

These tests fail (never skip) when Chromium or ChromeDriver is missing: see the README.
Screenshots of the main states go to test-artifacts/screenshots/ (desktop 1280x900, phone 360x740).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from conftest import REPO, free_port, make_corpus
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
DESKTOP = (1280, 900)
PHONE = (390, 844)


# -- the server and the browser ---------------------------------------------------------------------

def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=2) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `searchapp serve` subprocess on a free port; indexes its corpus on start. Yields its URL."""
    root = tmp_path_factory.mktemp("served")
    corpus = make_corpus(root / "corpus")
    port = free_port()
    command = [sys.executable, "-m", "searchapp.cli", "serve",
               "--config", str(REPO / "config" / "searchapp.yaml"), "--corpus", str(corpus),
               "--index", str(root / "index"), "--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "SEARCHAPP_INDEXING_WORKERS": "1"}
    log_path = root / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"searchapp serve exited with {process.returncode}:\n{log_path.read_text()}")
            try:
                if get_json(f"{base}/api/health")["status"] == "ok":
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"searchapp serve did not answer /api/health in 30 s:\n{log_path.read_text()}")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium; never downloads anything (no Selenium Manager: both paths are given)."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    if missing:
        pytest.fail(f"{' and '.join(missing)} missing: apt-get install chromium chromium-driver (see README)")
    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--lang=id-ID", f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"intl.accept_languages": "id-ID,id"})
    service = Service(CHROMEDRIVER, env={**os.environ, "LANGUAGE": "id", "LANG": "id_ID.UTF-8"})
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(15)
    try:
        viewport(driver, *DESKTOP)
        yield driver
    finally:
        driver.quit()


@pytest.fixture()
def page(browser, server):
    """The browser at desktop size, its console emptied; afterwards, the console must have stayed clean."""
    viewport(browser, *DESKTOP)
    browser.get_log("browser")
    yield browser
    assert_clean_console(browser)


def viewport(driver, width: int, height: int, mobile: bool = False) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def assert_clean_console(driver) -> None:
    """No JavaScript error and no Content-Security-Policy violation (an inline style or script) logged."""
    problems = [entry["message"] for entry in driver.get_log("browser")
                if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]]
    # an error page's own status (404, 400) is logged too: that is intended; a missing asset is not
    problems = [p for p in problems if "/static/" in p or "the server responded with a status" not in p]
    assert not problems, problems


def screenshot(driver, name: str) -> None:
    """What the screen shows as test-artifacts/screenshots/<name>.png, the whole page as <name>-full.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"{name}.png").write_bytes(driver.get_screenshot_as_png())
    width = driver.execute_script("return document.documentElement.clientWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 6000), "scale": 1},
    })
    (SCREENSHOTS / f"{name}-full.png").write_bytes(base64.b64decode(shot["data"]))


# -- helpers ----------------------------------------------------------------------------------------

def wait(driver, condition, timeout: float = 10):
    """*condition* true within *timeout*; asked again when the page replaced an element it was reading
    (the suggestions list is rebuilt as the answer to each keystroke arrives)."""
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def navigate(driver, action) -> None:
    """Run *action* (which loads another page) and wait until the new page has loaded."""
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    wait(driver, lambda _driver: _gone(old))
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")


def _gone(element) -> bool:
    """The element's page was replaced: stale, or (asked while Chrome swaps the documents) a node that
    "does not belong to the document", which Selenium's own staleness check lets through as an error."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
    return False


def params(driver) -> dict[str, list[str]]:
    return parse_qs(urlsplit(driver.current_url).query)


def total(driver) -> int:
    summary = driver.find_element(By.ID, "ringkasan").text
    if summary.startswith("Tidak ada hasil"):
        return 0
    return int(summary.split()[0].replace(".", ""))


def outlet_box(driver, slug: str):
    return driver.find_element(By.CSS_SELECTOR, f"input[name=outlet][value='{slug}']")


def outlet_counts(driver) -> dict[str, int]:
    counts = {}
    for option in driver.find_elements(By.CSS_SELECTOR, ".facet-outlet .facet-option"):
        slug = option.find_element(By.TAG_NAME, "input").get_attribute("value")
        count = option.find_elements(By.CLASS_NAME, "count")
        counts[slug] = int(count[0].text.split()[0]) if count else None
    return counts


def hit_badges(driver) -> list[str]:
    return [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".hit .badge")]


def hit_dates(driver) -> list[str]:
    return [t.get_attribute("datetime") for t in driver.find_elements(By.CSS_SELECTOR, ".hit time")]


def chips(driver) -> list[str]:
    """The active-filter chips as read aloud, without the remove sign and its hidden label."""
    texts = [c.get_attribute("textContent") for c in driver.find_elements(By.CLASS_NAME, "chip")]
    return [" ".join(t.replace("×", " ").replace("(hapus filter)", " ").split()) for t in texts]


def no_alert(driver) -> bool:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return True
    alert.dismiss()
    return False


# -- the tests --------------------------------------------------------------------------------------

def test_typing_a_query_and_pressing_enter(page, server):
    page.get(server + "/")
    assert page.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
    assert total(page) == 9  # an empty query lists every article, newest first
    box = page.find_element(By.ID, "q")
    box.send_keys("nato")
    navigate(page, lambda: box.send_keys(Keys.ENTER))
    assert params(page)["q"] == ["nato"]
    assert page.find_element(By.ID, "q").get_attribute("value") == "nato"
    assert total(page) == 5
    assert "5 hasil untuk “nato”" in page.find_element(By.ID, "ringkasan").text
    assert "milidetik" in page.find_element(By.ID, "ringkasan").text
    snippets = page.find_elements(By.CSS_SELECTOR, ".hit .snippet")
    assert len(snippets) == 5 and all(s.find_elements(By.TAG_NAME, "mark") for s in snippets)
    assert "Outlet tidak diketahui" in hit_badges(page)
    assert "24 Februari 2022" in page.find_element(By.CLASS_NAME, "hits").text
    screenshot(page, "desktop-search-results")


def test_slash_focuses_the_search_box(page, server):
    page.get(server + "/cari?q=nato")
    page.find_element(By.TAG_NAME, "body").click()
    page.switch_to.active_element.send_keys("/")
    assert page.switch_to.active_element.get_attribute("id") == "q"
    assert page.find_element(By.ID, "q").get_attribute("value") == "nato"  # the "/" was not typed


def test_keyboard_focus_is_visible(page, server):
    page.get(server + "/cari?q=nato")
    page.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = page.switch_to.active_element
    assert skip.text == "Langsung ke konten" and skip.is_displayed()
    assert skip.rect["y"] >= 0  # shown on focus
    for _ in range(2):  # past the brand to the search box: each focused element shows an outline
        page.switch_to.active_element.send_keys(Keys.TAB)
        outline = page.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", page.switch_to.active_element.tag_name
    assert page.switch_to.active_element.get_attribute("id") == "q"


def test_ticking_and_unticking_outlets(page, server):
    page.get(server + "/cari?q=nato")
    before = outlet_counts(page)
    assert before == {"kompas-tv": 1, "cakapcakap": 1, "kontan": 1, "unknown": 2}
    navigate(page, outlet_box(page, "kontan").click)
    assert params(page)["outlet"] == ["kontan"]
    assert outlet_box(page, "kontan").is_selected()
    assert total(page) == 1 and hit_badges(page) == ["Kontan"]
    counts = outlet_counts(page)
    assert counts["kompas-tv"] == 1 and counts["cakapcakap"] == 1  # unticked outlets keep their counts
    assert chips(page) == ["Outlet: Kontan"]

    navigate(page, outlet_box(page, "kompas-tv").click)  # several outlets: any of them
    assert params(page)["outlet"] == ["kontan", "kompas-tv"]
    assert total(page) == 2 and sorted(hit_badges(page)) == ["Kompas TV", "Kontan"]
    screenshot(page, "desktop-filtered")

    navigate(page, outlet_box(page, "kontan").click)
    assert params(page)["outlet"] == ["kompas-tv"]
    assert not outlet_box(page, "kontan").is_selected()
    assert total(page) == 1 and hit_badges(page) == ["Kompas TV"]

    navigate(page, outlet_box(page, "kompas-tv").click)
    assert "outlet" not in params(page) and total(page) == 5
    assert chips(page) == []


def test_filter_form_with_dates_and_apply_button(page, server):
    page.get(server + "/cari?q=nato")
    page.find_element(By.ID, "dari").send_keys("01/02/2022")  # typed the Indonesian way …
    page.find_element(By.ID, "sampai").send_keys("31/3/2022")
    navigate(page, page.find_element(By.CSS_SELECTOR, "button.apply").click)
    assert params(page)["from"] == ["2022-02-01"] and params(page)["to"] == ["2022-03-31"]  # … ISO in the URL
    assert sorted(hit_dates(page)) == ["2022-02-24", "2022-03-24"]
    assert page.find_element(By.ID, "dari").get_attribute("value") == "01/02/2022"
    assert page.find_element(By.ID, "sampai").get_attribute("value") == "31/03/2022"
    assert chips(page) == ["Tanggal: 1 Februari 2022 – 31 Maret 2022"]
    navigate(page, page.find_element(By.CLASS_NAME, "clear-all").click)
    assert params(page) == {"q": ["nato"]} and total(page) == 5


def test_without_javascript_the_filter_form_works(page, server):
    page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        page.get(server + "/cari?q=nato")
        assert "js" not in page.find_element(By.TAG_NAME, "html").get_attribute("class")
        assert not page.find_element(By.CLASS_NAME, "key-hint").is_displayed()
        outlet_box(page, "kontan").click()  # ticking alone does not navigate without JavaScript
        outlet_box(page, "kompas-tv").click()
        assert "outlet" not in params(page)
        navigate(page, page.find_element(By.CSS_SELECTOR, "button.apply").click)
        assert params(page)["outlet"] == ["kompas-tv", "kontan"] and total(page) == 2
        Select(page.find_element(By.ID, "urutan")).select_by_visible_text("Terlama")
        button = page.find_element(By.CSS_SELECTOR, ".sort button")
        assert button.is_displayed() and button.text == "Terapkan"
        navigate(page, button.click)
        assert params(page)["sort"] == ["oldest"] and params(page)["outlet"] == ["kompas-tv", "kontan"]
        assert hit_dates(page) == ["2022-02-24"]  # and the one without a date last
        assert len(hit_badges(page)) == 2
    finally:
        page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_clicking_a_person(page, server):
    page.get(server + "/cari?q=nato")
    plus = page.find_element(By.CSS_SELECTOR, ".hit .person-filter[aria-label='Saring: berita tentang Joe Biden']")
    navigate(page, plus.click)
    assert params(page)["person"] == ["Joe Biden"]
    assert total(page) == 1
    people = page.find_element(By.CSS_SELECTOR, ".hit .people-list").text
    assert "Joe Biden" in people
    assert page.find_element(By.CSS_SELECTOR, "input[name=person][value='Joe Biden']").is_selected()
    assert chips(page) == ["Orang: Joe Biden"]
    minus = page.find_element(By.CSS_SELECTOR, ".hit .person-filter[aria-label='Hapus filter Joe Biden']")
    assert minus.text == "−"
    name = page.find_element(By.XPATH, "//a[contains(@class,'person ') and normalize-space()='Joe Biden']")
    navigate(page, name.click)  # the name itself: the person's page
    assert urlsplit(page.current_url).path == "/tokoh/joe-biden"
    assert page.find_element(By.TAG_NAME, "h1").text.endswith("Joe Biden")
    page.back()
    facet = page.find_element(By.CSS_SELECTOR, ".facet-person .facet-profile[aria-label='Halaman Joe Biden']")
    navigate(page, facet.click)
    assert urlsplit(page.current_url).path == "/tokoh/joe-biden"
    page.get(server + "/cari?q=nato")
    badge = page.find_element(By.CSS_SELECTOR, ".hit a.badge")
    navigate(page, badge.click)  # the outlet: its page
    assert urlsplit(page.current_url).path.startswith("/media/")


def test_person_suggestions_as_you_type(page, server):
    page.get(server + "/")
    field = page.find_element(By.ID, "tambah-orang")
    field.send_keys("stol")

    def suggested(driver):
        options = driver.find_elements(By.CSS_SELECTOR, "#saran-orang option")
        return [option.get_attribute("value") for option in options]

    wait(page, lambda d: suggested(d) == ["Jens Stoltenberg"])
    field.clear()
    field.send_keys("Vladimir Putin")
    navigate(page, lambda: field.send_keys(Keys.ENTER))
    assert params(page)["person"] == ["Vladimir Putin"] and total(page) == 3


def test_month_histogram(page, server):
    page.get(server + "/")
    bars = page.find_elements(By.CSS_SELECTOR, ".bars .bar")
    assert len(bars) == 8  # January to August 2022, months without articles included
    february = page.find_element(By.CSS_SELECTOR, "a.bar[title^='Februari 2022']")
    assert february.get_attribute("title") == "Februari 2022: 3 berita"
    navigate(page, february.click)
    assert params(page)["from"] == ["2022-02-01"] and params(page)["to"] == ["2022-02-28"]
    assert total(page) == 3 and all(d.startswith("2022-02") for d in hit_dates(page))
    assert page.find_element(By.ID, "sampai").get_attribute("value") == "28/02/2022"
    assert chips(page) == ["Tanggal: Februari 2022"]
    assert len(page.find_elements(By.CSS_SELECTOR, ".bars a.bar")) == 5  # every month with articles stays
    selected = page.find_element(By.CSS_SELECTOR, "a.bar.selected")
    navigate(page, selected.click)  # the selected month's bar removes the filter
    assert "from" not in params(page) and total(page) == 9


def test_sort_order(page, server):
    page.get(server + "/cari?q=nato")
    navigate(page, lambda: Select(page.find_element(By.ID, "urutan")).select_by_visible_text("Terlama"))
    assert params(page)["sort"] == ["oldest"]
    dates = hit_dates(page)
    assert dates == sorted(dates) and dates[0] == "2022-01-28"
    navigate(page, lambda: Select(page.find_element(By.ID, "urutan")).select_by_visible_text("Terbaru"))
    assert params(page)["sort"] == ["newest"]
    dates = hit_dates(page)
    assert dates == sorted(dates, reverse=True) and dates[0] == "2022-08-04"
    assert Select(page.find_element(By.ID, "urutan")).first_selected_option.text == "Terbaru"


def test_pagination(page, server):
    page.get(server + "/cari?per_page=2")
    numbers = [a.text.replace("Halaman", "").strip() for a in
               page.find_elements(By.CSS_SELECTOR, ".pagination a:not([rel])")]
    assert numbers == ["1", "2", "3", "4", "5"]
    first_page = [a.text for a in page.find_elements(By.CSS_SELECTOR, ".hit-title a")]
    second = page.find_element(By.XPATH, "//nav[@class='pagination']//a[normalize-space()='Halaman 2']")
    navigate(page, second.click)
    assert params(page)["page"] == ["2"] and params(page)["per_page"] == ["2"]
    second_page = [a.text for a in page.find_elements(By.CSS_SELECTOR, ".hit-title a")]
    assert len(second_page) == 2 and not set(first_page) & set(second_page)
    assert page.find_element(By.CSS_SELECTOR, ".pagination [aria-current=page]").text.endswith("2")
    assert "menampilkan 3–4" in page.find_element(By.ID, "ringkasan").text
    navigate(page, page.find_element(By.CSS_SELECTOR, ".pagination a[rel=next]").click)
    assert params(page)["page"] == ["3"]
    navigate(page, page.find_element(By.CSS_SELECTOR, ".pagination a[rel=prev]").click)
    assert params(page)["page"] == ["2"]


def test_empty_state_and_suggestion(page, server):
    page.get(server + "/")
    box = page.find_element(By.ID, "q")
    box.send_keys("stoltenbreg")
    navigate(page, lambda: box.send_keys(Keys.ENTER))
    assert total(page) == 0
    empty = page.find_element(By.CLASS_NAME, "empty-state")
    assert "Tidak ada berita yang cocok dengan “stoltenbreg”" in empty.text
    assert "Mungkin maksud Anda: stoltenberg" in empty.text
    screenshot(page, "desktop-empty")
    navigate(page, empty.find_element(By.LINK_TEXT, "stoltenberg").click)
    assert params(page)["q"] == ["stoltenberg"] and total(page) == 5
    assert page.find_element(By.ID, "q").get_attribute("value") == "stoltenberg"


def test_empty_state_with_filters_suggests_removing_them(page, server):
    page.get(server + "/cari?q=ekonomi&outlet=kontan")
    empty = page.find_element(By.CLASS_NAME, "empty-state")
    assert "dan filter yang dipilih" in empty.text
    navigate(page, empty.find_element(By.LINK_TEXT, "hapus semua filter").click)
    assert params(page) == {"q": ["ekonomi"]} and total(page) >= 1


def test_article_page_with_highlights(page, server):
    page.get(server + "/cari?q=serangan&sort=oldest")
    link = page.find_element(By.CSS_SELECTOR, "a[href^='/artikel/004_54ce74dbc7c0aa92']")
    navigate(page, link.click)
    assert urlsplit(page.current_url).path == "/artikel/004_54ce74dbc7c0aa92"
    assert params(page)["q"] == ["serangan"]
    marks = [m.text.lower() for m in page.find_elements(By.CSS_SELECTOR, ".article-body mark")]
    assert len(marks) >= 3 and "serangan" in marks
    assert page.find_element(By.CLASS_NAME, "badge").text == "Kompas TV"
    assert page.find_element(By.CSS_SELECTOR, ".article-meta time").text == "24 Februari 2022"
    assert "Berita terkait" in page.find_element(By.CLASS_NAME, "related").text
    assert page.find_elements(By.CSS_SELECTOR, ".related-list a")
    screenshot(page, "desktop-article")
    navigate(page, page.find_element(By.CLASS_NAME, "back-link").click)  # back to the very same search
    assert params(page) == {"q": ["serangan"], "sort": ["oldest"]}


def test_unknown_article_is_a_friendly_404(page, server):
    page.get(server + "/artikel/tidak-ada")
    assert page.find_element(By.TAG_NAME, "h1").text == "Artikel tidak ditemukan"
    assert page.find_element(By.ID, "q").is_displayed()


def test_invalid_parameter_is_an_inline_message(page, server):
    page.get(server + "/cari?q=nato&from=2022-13-45")
    alert = page.find_element(By.CSS_SELECTOR, ".notice-error")
    assert "Tanggal awal “2022-13-45” tidak valid" in alert.text
    assert total(page) == 5  # the rest of the search still ran


def test_xss_in_the_query_string_is_text(page, server):
    page.get(server + "/cari?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert no_alert(page)
    assert page.find_element(By.ID, "q").get_attribute("value") == "<script>alert(1)</script>"
    # No article holds every word, so the search relaxes to some of them; the query shows as text.
    assert "<script>alert(1)</script>" in page.find_element(By.ID, "ringkasan").text
    assert page.execute_script("return document.querySelectorAll('script').length") == 1  # app.js only
    page.get(server + "/cari?q=siber")  # an article whose title and body hold script tags
    assert no_alert(page)
    hits = page.find_element(By.CLASS_NAME, "hits").text
    assert "<script>alert('judul')</script> Serangan siber di Jakarta" in hits
    navigate(page, page.find_element(By.CSS_SELECTOR, ".hit-title a").click)
    assert no_alert(page)
    assert '<script>alert("isi")</script>' in page.find_element(By.CLASS_NAME, "article-body").text


def test_back_and_forward(page, server):
    page.get(server + "/")
    box = page.find_element(By.ID, "q")
    box.send_keys("nato")
    navigate(page, lambda: box.send_keys(Keys.ENTER))
    navigate(page, outlet_box(page, "kontan").click)
    assert total(page) == 1
    navigate(page, page.back)
    assert params(page) == {"q": ["nato"]} and total(page) == 5
    assert not outlet_box(page, "kontan").is_selected()
    navigate(page, page.back)
    assert urlsplit(page.current_url).path == "/" and total(page) == 9
    assert page.find_element(By.ID, "q").get_attribute("value") == ""
    navigate(page, page.forward)
    assert params(page) == {"q": ["nato"]}
    assert page.find_element(By.ID, "q").get_attribute("value") == "nato"
    navigate(page, page.forward)
    assert params(page)["outlet"] == ["kontan"] and outlet_box(page, "kontan").is_selected()


WIDTHS = "return [document.documentElement.scrollWidth, window.innerWidth]"
PHONE_PAGES = {
    "phone-search-results": "/cari?q=nato",
    "phone-filtered": "/cari?q=nato&outlet=kontan&outlet=kompas-tv&person=Jens+Stoltenberg&from=2022-02-01",
    "phone-empty": "/cari?q=stoltenbreg",
    "phone-article": "/artikel/004_54ce74dbc7c0aa92?q=serangan",
    "phone-long-query": "/cari?q=" + "sangatpanjangsekalikatanyatanpaspasi" * 6,
    "phone-error": "/artikel/tidak-ada",
}


def test_phone_viewport_has_no_horizontal_scrolling(page, server):
    viewport(page, *PHONE, mobile=True)
    try:
        for name, path in PHONE_PAGES.items():
            page.get(server + path)
            sizes = page.execute_script(WIDTHS)
            assert sizes[0] <= sizes[1] == PHONE[0], (path, sizes)
            if name in ("phone-search-results", "phone-empty", "phone-article"):
                screenshot(page, name)
            if name == "phone-filtered":
                screenshot(page, name)
                toggle = page.find_element(By.CLASS_NAME, "filters-toggle")
                assert toggle.is_displayed() and not page.find_element(By.ID, "isi-filter").is_displayed()
                toggle.click()
                assert page.find_element(By.ID, "isi-filter").is_displayed()
                assert toggle.get_attribute("aria-expanded") == "true"
                sizes = page.execute_script(WIDTHS)
                assert sizes[0] <= sizes[1], (path, "filters open", sizes)
                screenshot(page, "phone-filters-open")
                navigate(page, outlet_box(page, "kontan").click)  # a tick loads a new page …
                assert "kontan" not in params(page)["outlet"]
                assert page.find_element(By.ID, "isi-filter").is_displayed()  # … with the panel still open
                page.find_element(By.CLASS_NAME, "filters-toggle").click()  # closed, it stays closed
                navigate(page, lambda again=server + path: page.get(again))
                assert not page.find_element(By.ID, "isi-filter").is_displayed()
            if name == "phone-search-results":  # the first screen shows results, not header and tips
                first = page.find_element(By.CSS_SELECTOR, ".hits .hit-title")
                top = page.execute_script("return arguments[0].getBoundingClientRect().bottom", first)
                assert top < PHONE[1] * 0.6, top
    finally:
        viewport(page, *DESKTOP)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_chart_the_comparison_a_person_page_and_the_feed(page, server, size):
    width, height = DESKTOP if size == "desktop" else PHONE
    viewport(page, width, height, mobile=size == "phone")
    try:
        page.get(server + "/cari?q=nato&interval=month")
        summary = page.find_element(By.CSS_SELECTOR, ".attention-chart > summary")
        if not page.find_element(By.CSS_SELECTOR, "svg.attention").is_displayed():
            summary.click()  # folded on a phone
        chart = page.find_element(By.CSS_SELECTOR, "svg.attention")
        box = page.find_element(By.CSS_SELECTOR, ".attention-chart .chart-scroll")
        assert chart.is_displayed() and box.size["width"] <= width and page.execute_script(WIDTHS)[0] <= width
        label = chart.find_element(By.CSS_SELECTOR, "text.tick")
        assert label.size["height"] >= 10, label.size  # readable on a phone: the chart scrolls in its box instead
        assert chart.find_element(By.TAG_NAME, "title").get_attribute("textContent").startswith("Berita per bulan")
        buckets = get_json(server + "/api/timeline?q=nato&interval=month")["buckets"]
        bars = chart.find_elements(By.CSS_SELECTOR, "a rect.bar-hit")  # each bar's whole column is its link
        assert len(bars) == len(chart.find_elements(By.CSS_SELECTOR, "a rect.bar-rect")) == len(buckets)
        screenshot(page, f"{size}-chart")
        busiest = max(range(len(buckets)), key=lambda n: buckets[n]["count"])
        navigate(page, bars[busiest].click)  # a bar narrows the search to its period
        assert params(page)["from"] == [buckets[busiest]["start"]] and total(page) == buckets[busiest]["count"]

        page.get(server + "/cari?q=nato")
        feed = page.find_element(By.LINK_TEXT, "Langganan (Atom)")
        alternate = page.find_element(By.CSS_SELECTOR, "link[rel=alternate][type='application/atom+xml']")
        assert feed.is_displayed() and feed.get_attribute("href") == alternate.get_attribute("href")
        with urllib.request.urlopen(feed.get_attribute("href"), timeout=5) as response:
            assert response.headers["Content-Type"].startswith("application/atom+xml")
            parsed = feedparser.parse(response.read())
        assert not parsed.bozo and len(parsed.entries) == get_json(server + "/api/search?q=nato")["stories"]

        page.get(server + "/bandingkan?q=nato&q=ukraina")
        lines = page.find_elements(By.CSS_SELECTOR, "svg.attention polyline.line")
        legend = page.find_elements(By.CSS_SELECTOR, ".legend li")
        assert len(lines) == len(legend) == 2 and all(item.is_displayed() for item in legend)
        assert page.execute_script(WIDTHS)[0] <= width
        screenshot(page, f"{size}-compare")

        page.get(server + "/tokoh/jens-stoltenberg")
        assert page.find_element(By.TAG_NAME, "h1").text == "Jens Stoltenberg"
        assert page.find_element(By.CSS_SELECTOR, "svg.attention").is_displayed()
        latest = page.find_elements(By.CSS_SELECTOR, ".latest li")
        profile = get_json(server + "/api/people/jens-stoltenberg")
        assert len(latest) == len(profile["latest"]) >= 1 and page.execute_script(WIDTHS)[0] <= width
        screenshot(page, f"{size}-person")
        navigate(page, page.find_element(By.LINK_TEXT, "Cari semua beritanya").click)
        assert params(page)["person"] == ["Jens Stoltenberg"] and total(page) == profile["total"]
    finally:
        viewport(page, *DESKTOP)


def test_date_presets_narrow_to_recent_days_and_toggle_off(page, server):
    import datetime as dt

    page.get(server + "/cari?q=nato")
    months = len(page.find_elements(By.CSS_SELECTOR, ".bars a.bar"))
    navigate(page, page.find_element(By.LINK_TEXT, "30 hari").click)
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()  # the articles' days are WIB's
    assert params(page)["from"] == [(today - dt.timedelta(days=29)).isoformat()]
    assert params(page)["to"] == [today.isoformat()] and params(page)["q"] == ["nato"]
    assert page.find_element(By.LINK_TEXT, "30 hari").get_attribute("aria-current") == "true"
    assert len(page.find_elements(By.CSS_SELECTOR, ".bars a.bar")) == months > 1  # the histogram stays whole
    navigate(page, page.find_element(By.LINK_TEXT, "30 hari").click)
    assert params(page) == {"q": ["nato"]}
    navigate(page, page.find_element(By.LINK_TEXT, "Tahun ini").click)
    assert params(page)["from"] == [f"{today.year}-01-01"]
    navigate(page, page.find_element(By.LINK_TEXT, "Hari ini").click)  # today's date: days, not hours
    assert params(page)["from"] == params(page)["to"] == [today.isoformat()]


def test_titles_only_view_is_a_remembered_preference(page, server):
    page.get(server + "/cari?q=nato")
    button = page.find_element(By.CLASS_NAME, "view-toggle")
    assert button.is_displayed() and button.get_attribute("aria-pressed") == "false"
    assert page.find_element(By.CSS_SELECTOR, ".hit .snippet").is_displayed()
    try:
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        assert not page.find_element(By.CSS_SELECTOR, ".hit .snippet").is_displayed()
        screenshot(page, "desktop-titles-only")
        navigate(page, lambda: page.get(server + "/cari?q=rusia"))  # another search: still titles only
        assert not page.find_element(By.CSS_SELECTOR, ".hit .snippet").is_displayed()
        page.find_element(By.CLASS_NAME, "view-toggle").click()
        assert page.find_element(By.CSS_SELECTOR, ".hit .snippet").is_displayed()
    finally:
        page.execute_script("window.localStorage.clear()")


def test_results_per_page_choice(page, server):
    page.get(server + "/cari?q=nato&per_page=2&page=2")
    navigate(page, lambda: Select(page.find_element(By.ID, "per-halaman")).select_by_visible_text("20"))
    assert params(page) == {"q": ["nato"], "per_page": ["20"]} and len(page.find_elements(By.CLASS_NAME, "hit")) == 5


def test_static_assets_and_security_headers(server):
    with urllib.request.urlopen(server + "/cari?q=nato", timeout=5) as response:
        policy = response.headers["Content-Security-Policy"]
        html = response.read().decode()
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert " style=" not in html and "<script>" not in html
    for asset in ("/static/style.css", "/static/app.js"):
        with contextlib.closing(urllib.request.urlopen(server + asset, timeout=5)) as response:
            assert response.status == 200
