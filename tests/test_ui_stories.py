"""Stories in the real browser: copies of one text show once, with "N berita serupa" that expands to where
else the story ran, and the article page says where else it was published."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error

import pytest
from conftest import REPO, free_port
from selenium.webdriver.common.by import By
from test_stories import OTHER, REPRINT, WIRE
from test_ui_browser import (  # noqa: F401
    DESKTOP,
    PHONE,
    assert_clean_console,
    browser,
    get_json,
    screenshot,
    viewport,
    wait,
)


@pytest.fixture(scope="module")
def story_server(tmp_path_factory):
    """A real `searchapp serve` over a corpus where one wire story ran in three outlets."""
    root = tmp_path_factory.mktemp("stories-served")
    corpus = root / "corpus"
    corpus.mkdir()
    records = [
        {"id": "antara-1", "title": "BI turunkan suku bunga acuan", "body": WIRE, "outlet": "antara"},
        {"id": "kontan-9", "title": "BI pangkas bunga acuan jadi 5,50 persen", "body": REPRINT, "outlet": "kontan"},
        {"id": "tempo-4", "title": "Bunga acuan turun seperempat poin", "outlet": "tempo",
         "body": WIRE.replace("25 basis poin", "seperempat poin persentase")},
        {"id": "detik-3", "title": "Harga cabai rawit melonjak", "body": OTHER, "outlet": "detik"},
    ]
    (corpus / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "searchapp.cli", "serve", "--config", str(REPO / "config" / "searchapp.yaml"),
               "--corpus", str(corpus), "--index", str(root / "index"), "--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "SEARCHAPP_INDEXING_WORKERS": "1"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if get_json(f"{base}/api/health")["status"] == "ok":
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("searchapp serve did not start")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_story_shows_once_and_expands_to_its_copies(browser, story_server, size):  # noqa: F811
    viewport(browser, *size, mobile=size == PHONE)
    browser.get_log("browser")
    browser.get(f'{story_server}/cari?q="suku bunga acuan"')
    # a phone's emulated viewport may still be settling as the page loads: the results, once there
    hits = wait(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, "li.hit"))
    assert len(hits) == 1
    summary = hits[0].find_element(By.CSS_SELECTOR, "details.story summary")
    assert summary.text.startswith("2 berita serupa")
    copies = hits[0].find_elements(By.CSS_SELECTOR, ".story-list a")
    assert not any(link.is_displayed() for link in copies)  # closed until asked
    summary.click()
    assert all(link.is_displayed() for link in copies) and len(copies) == 2
    summary_line = browser.find_element(By.ID, "ringkasan").text
    assert "3 hasil" in summary_line and "1 berita berbeda" in summary_line
    screenshot(browser, f"stories-{'desktop' if size == DESKTOP else 'phone'}")
    copies[0].click()
    also = browser.find_element(By.CSS_SELECTOR, ".also-in")
    assert also.find_element(By.TAG_NAME, "h2").text == "Juga dimuat di"
    assert len(also.find_elements(By.TAG_NAME, "a")) == 2
    assert_clean_console(browser)
