"""The HTML pages through Flask's test client: what they say (in Indonesian), the state they keep in
the URL, the same results as the JSON API, and escaping."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from searchapp.web import format as fmt
from searchapp.web.pages import safe_link
from searchapp.web.search_view import page_numbers

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None = None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    def has(self, name: str) -> bool:
        return name in self.attrs

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def raw_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.raw_text for c in self.children)

    @property
    def text(self) -> str:
        return " ".join(self.raw_text.split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, class_: str | None = None, **attrs) -> list[Element]:
        found = []
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            if class_ and class_ not in element.classes:
                continue
            if any(element.attrs.get(name.rstrip("_")) != value for name, value in attrs.items()):
                continue
            found.append(element)
        return found

    def find(self, tag: str | None = None, class_: str | None = None, **attrs) -> Element:
        found = self.find_all(tag, class_, **attrs)
        assert found, f"no <{tag or '*'} class={class_!r} {attrs}>"
        return found[0]


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(response) -> Element:
    builder = TreeBuilder()
    builder.feed(response.get_data(as_text=True))
    return builder.root


def get(client, url: str, status: int = 200, **kwargs) -> Element:
    response = client.get(url, **kwargs)
    assert response.status_code == status, (url, response.status_code)
    assert response.content_type.startswith("text/html")
    return parse(response)


def total(doc: Element) -> int:
    summary = doc.find(id="ringkasan").text
    return 0 if summary.startswith("Tidak ada hasil") else int(summary.split()[0].replace(".", ""))


def hit_ids(doc: Element) -> list[str]:
    return [a.get("href").split("?")[0].removeprefix("/artikel/") for a in doc.find_all("a")
            if a.parent.tag == "h2" and "hit-title" in a.parent.classes]


def checkbox(doc: Element, name: str, value: str) -> Element:
    return doc.find("input", type="checkbox", name=name, value=value)


def facet_count(box: Element) -> str | None:
    counts = box.parent.find_all("span", class_="count")
    return counts[0].text.removesuffix(" berita") if counts else None


def chips(doc: Element) -> list[tuple[str, str]]:
    return [(" ".join(c.text.replace("×", " ").replace("(hapus filter)", " ").split()), c.get("href"))
            for c in doc.find_all("a", class_="chip")]


# -- the page shell ---------------------------------------------------------------------------------

def test_home_page_is_indonesian_and_lists_every_article(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    doc = parse(response)
    assert doc.find("html").get("lang") == "id"
    assert doc.find("meta", name="viewport")
    assert doc.find("link", rel="stylesheet").get("href") == "/static/style.css"
    assert [s.get("src") for s in doc.find_all("script")] == ["/static/app.js"]
    assert total(doc) == 9 and "9 berita" in doc.find(id="ringkasan").text
    assert "milidetik" in doc.find(id="ringkasan").text
    assert doc.find("input", id="q").get("value") == ""
    assert "orang:stoltenberg" in doc.find(id="bantuan-kueri").text
    # the CSP forbids inline scripts and styles: none are written
    assert " style=" not in html and "<style" not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/cari?q=nato&outlet=kontan", "/artikel/004_54ce74dbc7c0aa92?q=nato"])
def test_every_control_has_a_label(client, url):
    doc = get(client, url)
    labelled = {label.get("for") for label in doc.find_all("label")}
    for control in doc.find_all("input") + doc.find_all("select"):
        if control.get("type") == "hidden":
            continue
        inside_label = any(a.tag == "label" for a in ancestors(control))
        assert inside_label or control.get("id") in labelled or control.get("aria-label"), control.attrs


def ancestors(element: Element):
    while element.parent is not None:
        element = element.parent
        yield element


def test_static_assets_are_served(client):
    for path, kind in (("/static/style.css", "text/css"), ("/static/app.js", "javascript"),
                       ("/static/favicon.svg", "image/svg+xml")):
        response = client.get(path)
        assert response.status_code == 200 and kind in response.content_type
    css = client.get("/static/style.css").get_data(as_text=True)
    assert "@import" not in css and "url(http" not in css  # no CDN, no web fonts


def test_query_is_kept_in_the_box_and_results_shown(client):
    doc = get(client, "/cari?q=nato")
    assert doc.find("input", id="q").get("value") == "nato"
    assert doc.find("title").text == "nato – Cari Berita"
    assert total(doc) == 5 and "5 hasil untuk “nato”" in doc.find(id="ringkasan").text
    hits = doc.find_all("li", class_="hit")
    assert len(hits) == 5
    for hit in hits:
        assert hit.find("a").get("href").endswith("?q=nato")
        assert hit.find("p", class_="snippet").find_all("mark")
    text = doc.find("ol", class_="hits").text
    assert "24 Februari 2022" in text and "tanggal tidak diketahui" in text
    assert "Outlet tidak diketahui" in text


@pytest.mark.parametrize("query", [
    "q=nato", "q=serangan&sort=oldest", "q=nato&outlet=kontan&outlet=kompas-tv",
    "person=Jens+Stoltenberg&from=2022-02-01", "per_page=2&page=3", "q=nato+OR+siber",
    "q=nato&outlet=unknown",
])
def test_the_page_shows_the_same_results_as_the_api(client, query):
    doc = get(client, f"/cari?{query}")
    data = client.get(f"/api/search?{query}").get_json()
    assert hit_ids(doc) == [r["id"] for r in data["results"]]
    assert total(doc) == data["total"]


# -- facets, chips, sort, pages ---------------------------------------------------------------------

def test_outlet_checkboxes_with_counts_and_toggle_urls(client):
    doc = get(client, "/cari?q=nato&outlet=kontan")
    kontan, kompas = checkbox(doc, "outlet", "kontan"), checkbox(doc, "outlet", "kompas-tv")
    assert kontan.has("checked") and not kompas.has("checked")
    assert kontan.get("form") == "cari"
    assert facet_count(kontan) == "1" and facet_count(kompas) == "1"  # unticked outlets keep their counts
    assert kontan.get("data-url") == "/cari?q=nato"
    assert kompas.get("data-url") == "/cari?q=nato&outlet=kontan&outlet=kompas-tv"
    assert chips(doc) == [("Outlet: Kontan", "/cari?q=nato")]
    assert doc.find("a", class_="clear-all").text == "Hapus semua filter"
    assert doc.find("button", class_="apply").text == "Terapkan"
    assert hit_ids(doc) == ["000_66b54ca74a6c5a55"]


def test_unknown_outlet_is_a_choice(client):
    doc = get(client, "/cari?q=nato")
    unknown = checkbox(doc, "outlet", "unknown")
    assert facet_count(unknown) == "2" and "Outlet tidak diketahui" in unknown.parent.text
    doc = get(client, "/cari?q=nato&outlet=unknown")
    assert total(doc) == 2
    assert chips(doc) == [("Outlet: tidak diketahui", "/cari?q=nato")]
    assert {b.text for b in doc.find_all("span", class_="badge")} == {"Outlet tidak diketahui"}


def test_people_facet_and_person_links(client):
    doc = get(client, "/cari?q=nato")
    jens = checkbox(doc, "person", "Jens Stoltenberg")
    assert facet_count(jens) == "5" and jens.get("data-url") == "/cari?q=nato&person=Jens+Stoltenberg"
    links = {a.text: a.get("href") for a in doc.find_all("a", class_="person")}
    assert links["Joe Biden"] == "/tokoh/joe-biden"  # the name: the person's page
    filters = {a.get("aria-label"): a.get("href") for a in doc.find_all("a", class_="person-filter")}
    assert filters["Saring: berita tentang Joe Biden"] == "/cari?q=nato&person=Joe+Biden"  # beside it: the filter
    doc = get(client, "/cari?q=nato&person=Joe+Biden")
    assert total(doc) == 1 and chips(doc) == [("Orang: Joe Biden", "/cari?q=nato")]
    assert checkbox(doc, "person", "Joe Biden").has("checked")
    assert doc.find("input", id="tambah-orang").get("list") == "saran-orang"
    assert doc.find("datalist", id="saran-orang") is not None


def test_many_people_fold_under_lainnya(client):
    doc = get(client, "/")
    people = [i.get("value") for i in doc.find_all("input", type="checkbox", name="person")]
    more = doc.find("details", class_="more")
    assert len(people) > 5
    assert more.find("summary").text == f"{len(people) - 5} lainnya"
    assert len(more.find_all("input", type="checkbox")) == len(people) - 5


def test_a_person_filter_naming_nobody_says_so_and_is_left_out(client):
    doc = get(client, "/cari?q=nato&person=Tak+Dikenal", status=400)
    assert "Tidak ada orang bernama “Tak Dikenal” di indeks" in doc.find("div", class_="notice-error").text
    assert total(doc) == 5 and chips(doc) == []  # the search itself still runs, without that filter


@pytest.mark.parametrize(("typed", "person"), [("putin", "Vladimir Putin"), ("jens", "Jens Stoltenberg"),
                                                ("JENS stolt", "Jens Stoltenberg")])
def test_a_typed_name_resolves_as_autocomplete_does(client, typed, person):
    doc = get(client, f"/cari?person={typed}")
    assert chips(doc) == [(f"Orang: {person}", "/cari")]
    assert total(doc) == {"Vladimir Putin": 3, "Jens Stoltenberg": 5}[person]


def test_a_name_naming_several_people_offers_them(client):
    doc = get(client, "/cari?q=&person=b")
    choices = doc.find("div", class_="notice-choices")
    links = [(a.text, a.get("href")) for a in choices.find_all("a")]
    assert [name for name, _href in links] == ["Bashar al-Assad", "Budi Santoso", "Joe Biden"]
    assert links[1][1] == "/cari?person=Budi+Santoso"
    assert total(get(client, links[1][1])) == 1


def test_month_histogram_and_date_range(client):
    doc = get(client, "/")
    bars = doc.find_all("a", class_="bar")
    assert len(bars) == 5 and len(doc.find("ol", class_="bars").find_all("li")) == 8  # with empty months
    february = next(b for b in bars if b.get("title") == "Februari 2022: 3 berita")
    assert february.get("href") == "/cari?from=2022-02-01&to=2022-02-28"
    assert "h20" in february.find("span", class_="bar-fill").classes  # the busiest month is the tallest
    assert "Tanggal tidak diketahui: 1 berita" in doc.find("fieldset", class_="facet-date").text
    doc = get(client, "/cari?from=2022-02-01&to=2022-02-28")
    assert total(doc) == 3
    assert doc.find("input", id="dari").get("value") == "01/02/2022"
    assert doc.find("input", id="sampai").get("value") == "28/02/2022"
    assert chips(doc) == [("Tanggal: Februari 2022", "/cari")]
    selected = doc.find("a", class_="selected")
    assert selected.get("aria-current") == "true" and selected.get("href") == "/cari"
    doc = get(client, "/cari?from=2022-02-15")
    assert chips(doc) == [("Tanggal: sejak 15 Februari 2022", "/cari")]


def test_sort_selector(client):
    doc = get(client, "/cari?q=nato&sort=newest")
    select = doc.find("select", id="urutan")
    options = {o.text: (o.get("value"), o.get("data-url"), o.has("selected"))
               for o in select.find_all("option")}
    assert options == {"Relevansi": ("relevance", "/cari?q=nato", False),
                       "Terbaru": ("newest", "/cari?q=nato&sort=newest", True),
                       "Terlama": ("oldest", "/cari?q=nato&sort=oldest", False)}
    dates = [t.get("datetime") for t in doc.find("ol", class_="hits").find_all("time")]
    assert dates == sorted(dates, reverse=True)


def test_pagination_with_page_numbers(client):
    doc = get(client, "/cari?per_page=2&page=2")
    nav = doc.find("nav", class_="pagination")
    links = {a.text: a.get("href") for a in nav.find_all("a")}
    assert links == {"‹ Sebelumnya": "/cari?per_page=2", "Halaman 1": "/cari?per_page=2",
                     "Halaman 2": "/cari?page=2&per_page=2", "Halaman 3": "/cari?page=3&per_page=2",
                     "Halaman 4": "/cari?page=4&per_page=2", "Halaman 5": "/cari?page=5&per_page=2",
                     "Berikutnya ›": "/cari?page=3&per_page=2"}
    assert nav.find("a", class_="current").get("aria-current") == "page"
    assert doc.find("ol", class_="hits").get("start") == "3"
    assert "menampilkan 3–4" in doc.find(id="ringkasan").text
    per_page = doc.find("select", id="per-halaman")
    assert [(o.text, "selected" in o.attrs) for o in per_page.find_all("option")] == [
        ("2", True), ("10", False), ("20", False), ("50", False)]
    assert per_page.find_all("option")[2].get("data-url") == "/cari?per_page=20"
    assert not get(client, "/cari?q=nato").find_all("nav", class_="pagination")


def test_page_numbers_leave_gaps():
    assert page_numbers(1, 1) == [1]
    assert page_numbers(1, 5) == [1, 2, 3, 4, 5]
    assert page_numbers(10, 20) == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert page_numbers(4, 20) == [1, 2, 3, 4, 5, 6, None, 20]


def test_a_page_past_the_end(client):
    doc = get(client, "/cari?q=nato&page=9")
    empty = doc.find("div", class_="empty-state")
    assert "Halaman 9 kosong" in empty.text
    assert empty.find("a").get("href") == "/cari?q=nato"


# -- suggestion, empty state, invalid parameters ----------------------------------------------------

def test_suggestion_and_empty_state(client):
    doc = get(client, "/cari?q=stoltenbreg")
    assert total(doc) == 0
    empty = doc.find("div", class_="empty-state")
    assert "Tidak ada berita yang cocok dengan “stoltenbreg”." in empty.text
    suggestion = empty.find("p", class_="suggestion")
    assert suggestion.text == "Mungkin maksud Anda: stoltenberg"
    assert suggestion.find("a").get("href") == "/cari?q=stoltenberg"
    assert "Periksa ejaan" in empty.text


def test_empty_state_with_filters_offers_to_remove_them(client):
    doc = get(client, "/cari?q=ekonomi&outlet=kontan&sort=oldest")
    empty = doc.find("div", class_="empty-state")
    assert "dan filter yang dipilih" in empty.text
    assert empty.find("a").text == "hapus semua filter"
    assert empty.find("a").get("href") == "/cari?q=ekonomi&sort=oldest"


@pytest.mark.parametrize(("query", "message"), [
    ("q=nato&from=2022-13-45", "Tanggal awal “2022-13-45” tidak valid"),
    ("q=nato&to=kemarin", "Tanggal akhir “kemarin” tidak valid"),
    ("q=nato&from=2022-03-01&to=2022-02-01", "Tanggal awal jatuh setelah tanggal akhir"),
    ("q=nato&sort=acak", "Urutan “acak” tidak dikenal"),
    ("q=nato&page=abc", "Nomor halaman “abc” tidak valid"),
    ("q=nato&per_page=1000", "Jumlah hasil per halaman “1000” tidak valid"),
    ("q=nato&outlet=tidak-ada", "Outlet “tidak-ada” tidak dikenal"),
    ("q=nato&page=1&page=2", "Parameter “page” diberikan lebih dari sekali"),
])
def test_invalid_parameters_are_an_inline_message_on_the_page(client, query, message):
    response = client.get(f"/cari?{query}")
    assert response.status_code == 400
    doc = parse(response)
    notice = doc.find("div", class_="notice-error")
    assert notice.get("role") == "alert" and message in notice.text
    assert "Traceback" not in response.get_data(as_text=True)
    assert doc.find("input", id="q").get("value") == "nato"  # the rest of the search still ran
    assert total(doc) == 5


def test_a_bad_parameter_leaves_the_good_ones(client):
    doc = get(client, "/cari?q=nato&outlet=tidak-ada&outlet=kontan&from=2022-13-45", status=400)
    assert total(doc) == 1 and chips(doc) == [("Outlet: Kontan", "/cari?q=nato")]
    assert len(doc.find("div", class_="notice-error").find_all("li")) == 2


def test_a_too_long_query_is_an_inline_message(client):
    doc = get(client, "/cari?q=" + "a" * 1200, status=400)
    assert "Kueri terlalu panjang" in doc.find("div", class_="notice-error").text


def test_unknown_parameters_are_ignored(client):
    doc = get(client, "/cari?q=nato&utm_source=surel")
    assert total(doc) == 5 and not doc.find_all("div", class_="notice-error")


# -- escaping ---------------------------------------------------------------------------------------

def test_script_in_the_query_is_text(client):
    response = client.get("/cari?q=<script>alert(1)</script>")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert parse(response).find("input", id="q").get("value") == "<script>alert(1)</script>"


def test_quotes_in_the_query_cannot_leave_attributes(client):
    html = client.get('/cari?q="><img src=x onerror=alert(1)>').get_data(as_text=True)
    assert "<img src=x" not in html and "onerror=alert(1)>" not in html


def test_script_in_articles_is_text(client):
    response = client.get("/cari?q=siber")
    html = response.get_data(as_text=True)
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#39;judul&#39;)&lt;/script&gt;" in html
    doc = parse(response)
    assert "<script>alert('judul')</script> Serangan" in doc.find("ol", class_="hits").text
    response = client.get("/artikel/xss?q=siber")
    html = response.get_data(as_text=True)
    assert "<script>alert(" not in html and "<blink>kode</blink>" not in html
    assert "&lt;blink&gt;kode&lt;/blink&gt;" in html
    assert parse(response).find("a", rel="noopener noreferrer nofollow").get("href") == \
        "https://www.kontan.co.id/news/serangan-siber"


def test_only_web_addresses_are_linked_as_sources():
    assert safe_link("https://www.kontan.co.id/a") == "https://www.kontan.co.id/a"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link(" JavaScript:alert(1)") is None
    assert safe_link("data:text/html,<script>") is None
    assert safe_link(None) is None


# -- the article page -------------------------------------------------------------------------------

def test_article_page(client):
    doc = get(client, "/artikel/004_54ce74dbc7c0aa92?q=serangan")
    assert doc.find("html").get("lang") == "id"
    assert doc.find("h1").text.startswith("Sekretaris Jenderal Sekjen NATO Jens Stoltenberg")
    assert doc.find("input", id="q").get("value") == "serangan"
    assert doc.find("a", class_="badge").text == "Kompas TV"
    assert doc.find("a", class_="badge").get("href") == "/cari?outlet=kompas-tv"
    assert doc.find("time").text == "24 Februari 2022" and doc.find("time").get("datetime") == "2022-02-24"
    people = {a.text: a.get("href") for a in doc.find("div", class_="people-line").find_all("a")}
    assert people["Joe Biden"] == "/tokoh/joe-biden"  # the person's page, which links to all their articles
    body = doc.find("div", class_="article-body")
    assert len(body.find_all("p")) > 5
    marks = [m.text.lower() for m in body.find_all("mark")]
    assert "serangan" in marks and "menyerang" in marks
    assert "kata yang cocok dengan “serangan” disorot" in doc.find("p", class_="match-info").text
    related = doc.find("aside", class_="related")
    assert related.find("h2").text == "Berita terkait"
    assert 1 <= len(related.find_all("li")) <= 5
    assert all(a.get("href").startswith("/artikel/") for a in related.find_all("a"))
    assert doc.find("a", class_="back-link").get("href") == "/cari?q=serangan"


def test_article_page_reporter_editor_and_unknown_date(client):
    doc = get(client, "/artikel/000_66b54ca74a6c5a55")
    byline = doc.find("dl", class_="byline").text
    assert "Reporter" in byline and "Noverius Laoli" in byline and "Editor" in byline
    assert "Tanggal tidak diketahui" in doc.find("p", class_="article-meta").text
    assert not doc.find_all("mark") and not doc.find_all("p", class_="match-info")
    assert doc.find("a", class_="back-link").get("href") == "/cari"


def test_the_whole_search_state_travels_with_the_article_and_its_related_articles(client):
    state = "q=nato&outlet=kontan&outlet=kompas-tv&sort=oldest&page=2&per_page=1"
    hit = get(client, f"/cari?{state}").find("ol", class_="hits").find("a").get("href")
    assert hit.startswith("/artikel/") and hit.endswith(f"?{state}")
    article = get(client, hit)
    assert article.find("a", class_="back-link").get("href") == f"/cari?{state}"
    related = article.find("ul", class_="related-list").find("a").get("href")
    assert related.split("?")[1] == hit.split("?")[1]  # after a related article the query and filters remain
    again = get(client, related)
    assert again.find("a", class_="back-link").get("href") == article.find("a", class_="back-link").get("href")
    assert again.find("mark")  # the query's words are still highlighted


def test_an_article_reached_without_a_search_goes_back_to_ours_only(client):
    doc = get(client, "/artikel/004_54ce74dbc7c0aa92", headers={"Referer": "http://localhost/cari?q=nato&page=2"})
    assert doc.find("a", class_="back-link").get("href") == "/cari?q=nato&page=2"
    doc = get(client, "/artikel/004_54ce74dbc7c0aa92", headers={"Referer": "https://jahat.example/cari?q=x"})
    assert doc.find("a", class_="back-link").get("href") == "/cari"


def test_unknown_article_is_a_friendly_404(client):
    doc = get(client, "/artikel/tidak-ada", status=404)
    assert doc.find("html").get("lang") == "id"
    assert doc.find("h1").text == "Artikel tidak ditemukan"
    assert doc.find("a", class_="button-link").get("href") == "/"
    assert doc.find("input", id="q")


def test_unknown_page_and_wrong_method(client):
    doc = get(client, "/tidak/ada", status=404)
    assert doc.find("h1").text == "Halaman tidak ditemukan"
    response = client.post("/cari")
    assert response.status_code == 405
    assert parse(response).find("h1").text == "Metode tidak diizinkan"


# -- Indonesian formatting --------------------------------------------------------------------------

def test_indonesian_dates_numbers_and_durations():
    assert fmt.tanggal(dt.date(2022, 2, 24)) == "24 Februari 2022"
    assert fmt.tanggal("2022-08-04") == "4 Agustus 2022"
    assert fmt.tanggal(dt.datetime(2021, 12, 1, 10, 30)) == "1 Desember 2021"
    assert fmt.tanggal(None) == "tanggal tidak diketahui"
    assert fmt.tanggal("bukan tanggal") == "tanggal tidak diketahui"
    assert fmt.bulan("2022-05") == "Mei 2022" and fmt.bulan("2022-08", short=True) == "Agu 2022"
    assert fmt.angka(16216) == "16.216" and fmt.angka(1234567) == "1.234.567"
    assert fmt.angka(5.2, 1) == "5,2" and fmt.angka(12345.67, 1) == "12.345,7"
    assert fmt.durasi(3.24) == "3,2 milidetik"
    assert fmt.durasi(27.6) == "28 milidetik"
    assert fmt.durasi(1530) == "1,5 detik"


# -- server-side trouble ----------------------------------------------------------------------------

def test_no_index_yet_is_a_503_page(fresh):
    from searchapp.web.app import create_app

    client = create_app(fresh).test_client()
    doc = get(client, "/cari?q=nato", status=503)
    assert doc.find("h1").text == "Indeks belum tersedia" and "searchapp index" in doc.find("section").text


def test_an_unexpected_error_is_an_indonesian_500_page(app, client, monkeypatch):
    def broken(request):
        raise RuntimeError("rusak")

    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    monkeypatch.setattr(app.extensions["searchapp"], "search", broken)
    response = client.get("/cari?q=nato")
    assert response.status_code == 500
    assert parse(response).find("h1").text == "Terjadi kesalahan"
    assert "rusak" not in response.get_data(as_text=True)


def test_relaxed_search_says_so(client):
    page = client.get("/cari?q=bucha+himars").get_data(as_text=True)
    assert "Tidak ada berita yang memuat semua kata pencarian" in page
    assert "partial-note" not in page and "memuat semua kata</span>" not in page  # the notice says it all
    assert "Tidak ada berita yang memuat semua kata pencarian" not in client.get("/cari?q=nato").get_data(as_text=True)


def test_partial_matches_are_marked_once(client):
    doc = get(client, "/cari?q=nato+bucha")
    hits = doc.find("ol", class_="hits").find_all("li", class_="hit")
    assert len(hits) == 5
    assert ["hit-partial" in hit.classes for hit in hits] == [False, True, True, True, True]
    notes = doc.find_all("p", class_="partial-note")
    assert len(notes) == 1 and notes[0].parent is hits[1]
    summary = " ".join(doc.find(id="ringkasan").text.split())
    assert summary.startswith("1 hasil") and "ditambah 4 yang memuat sebagian kata" in summary
    whole = get(client, "/cari?q=nato")
    assert not whole.find_all("p", class_="partial-note")
    assert "sebagian kata" not in whole.find(id="ringkasan").text


def test_far_future_date_range_renders(client):
    assert client.get("/cari?from=2022-01-01&to=9999-12-31").status_code == 200
    assert client.get("/cari?q=tanggal:>9999").status_code == 200


def test_the_sort_label_tells_the_truth(client):
    def options(doc):
        return [(o.text, "selected" in o.attrs) for o in doc.find("select", id="urutan").find_all("option")]

    assert options(get(client, "/")) == [("Terbaru", True), ("Terlama", False)]  # nothing to rank by relevance
    assert options(get(client, "/cari?q=nato")) == [("Relevansi", True), ("Terbaru", False), ("Terlama", False)]
    assert options(get(client, "/cari?sort=oldest")) == [("Terbaru", False), ("Terlama", True)]


def test_source_and_byline_come_first_on_the_article_page(tmp_path):
    from tests.conftest import client_over

    body = "Reporter: Noverius Laoli | Editor: Yudho Winarto\n" + "Harga cabai rawit naik tajam di pasar. " * 40
    client = client_over(tmp_path, [{"id": "cabai", "title": "Harga cabai naik", "body": body,
                                     "url": "https://www.kontan.co.id/news/harga-cabai-naik"}])
    doc = get(client, "/artikel/cabai")
    source = doc.find("p", class_="article-meta").find("a", class_="source")
    assert source.get("href") == "https://www.kontan.co.id/news/harga-cabai-naik"
    html = client.get("/artikel/cabai").data.decode()
    assert html.index('class="source"') < html.index('class="byline"') < html.index('class="article-body"')
    assert "Noverius Laoli" in doc.find("dl", class_="byline").text


@pytest.mark.parametrize("path", ["/", "/cari?q=nato", "/artikel/004_54ce74dbc7c0aa92", "/api/search?q=nato"])
def test_a_host_header_no_browser_sends_is_a_400_not_a_500(client, path):
    response = client.get(path, headers={"Host": "a" * 70 + ".example"})  # a DNS label is at most 63
    assert response.status_code == 400


def test_a_control_character_in_a_date_is_an_invalid_date_not_reversed_dates(client):
    doc = get(client, "/cari?from=2023%0b", status=400)  # a word processor's line break: a space, not a date
    notice = doc.find("div", class_="notice-error").text
    assert "tidak valid" in notice and "setelah tanggal akhir" not in notice
    page = client.get("/cari?from=2023%07")
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert "Parameter “from” di alamat ini berisi karakter kendali" in text and "setelah tanggal akhir" not in text


def test_an_early_year_is_shown_with_four_digits_and_read_back(client):
    doc = get(client, "/cari?from=0500")
    value = doc.find("input", id="dari").get("value")
    assert value == "01/01/0500" and get(client, f"/cari?from={value}").find("input", id="dari").get("value") == value


@pytest.mark.parametrize(("query", "labels"), [
    ("q=nato", ["Relevansi", "Terbaru", "Terlama"]),
    ("q=", ["Terbaru", "Terlama"]), ("q=-nato", ["Terbaru", "Terlama"]), ("q=tanggal%3A2022", ["Terbaru", "Terlama"]),
])
def test_the_sort_menu_offers_relevance_only_with_a_word_to_rank_by(client, query, labels):
    html = client.get(f"/cari?{query}").get_data(as_text=True)
    menu = re.search(r'<select id="urutan".*?</select>', html, re.S).group(0)
    assert re.findall(r">([A-Z][a-z]+)</option>", menu) == labels
    assert re.search(r" selected>([A-Z][a-z]+)</option>", menu).group(1) == labels[0]
