"""Article identity: a URL names one article however it is written; of several versions of one article
(re-crawls, edited copies, the same export twice), the newest is the article.

Two URLs are the same article when they differ only in scheme, a ``www.``/``m.``/``amp.`` host prefix,
a trailing slash, a fragment, tracking parameters (``utm_*``, ``fbclid`` …), the order of the other
parameters, an AMP variant of the page (``/amp/…``, ``…/amp``, ``?amp=1``, ``.amp``), or asking for the
whole article on one page (``?page=all``, ``?single=1``: an article split into pages is one article; the
other pages, ``?page=2``, hold other text).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

from searchapp.ingest.corpus import Article
from searchapp.ingest.datetimes import WIB
from searchapp.ingest.files import Skipped

TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|"
                      r"source|src|from|share|s_cid|cmpid|amp|outputType|output|page_source)$", re.IGNORECASE)
HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
WHOLE_PAGE = frozenset({("page", "all"), ("single", "1"), ("single", "true")})


def normalize_url(url: str | None) -> str | None:
    """The canonical form of a web address (``host/path?query``), or None when *url* is not one."""
    if not url or not url.strip():
        return None
    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if parts.scheme not in ("", "http", "https") or "." not in host:
        return None
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = re.sub(r"(?:/amp)+(?=/|$)", "", path, flags=re.IGNORECASE)  # /amp/… and …/amp
    path = re.sub(r"\.amp(?=$|\.html?$)", "", path, flags=re.IGNORECASE)
    path = path.rstrip("/") or "/"
    query = sorted((key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING.match(key) and (key.lower(), value.lower()) not in WHOLE_PAGE)
    return host + path + (f"?{urlencode(query)}" if query else "")


def without_tracking(url: str | None) -> str | None:
    """*url* as a reader follows it: its tracking parameters (``utm_*``, ``fbclid`` …) left out, the rest
    as written."""
    if not url or "?" not in url:
        return url
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if not TRACKING.match(key)]
    return url if len(kept) == len(pairs) else parts._replace(query=urlencode(kept)).geturl()


def url_id(url: str) -> str | None:
    """A short id made of the canonical URL (the same for every way of writing it)."""
    canonical = normalize_url(url)
    return "u-" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16] if canonical else None


def identity_key(article: Article) -> str:
    """What names an article: its canonical URL when it has one, else its id."""
    canonical = normalize_url(article.url)
    return f"url:{canonical}" if canonical else f"id:{article.id}"


def _moment(article: Article) -> dt.datetime:
    if article.published:
        return article.published
    if article.date:
        return dt.datetime.combine(article.date, dt.time(), WIB)
    return dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def newest_versions(items: Iterable[Article | Skipped]) -> dict[str, str]:
    """For each article identity seen more than once: the source (file and line) of its newest version
    by stated date and time, the later one read when they tie or state none."""
    best: dict[str, tuple[dt.datetime, str]] = {}
    seen_twice: set[str] = set()
    for item in items:
        if isinstance(item, Skipped):
            continue
        key = identity_key(item)
        moment = _moment(item)
        if key in best:
            seen_twice.add(key)
            if moment < best[key][0]:
                continue
        best[key] = (moment, item.source)
    return {key: best[key][1] for key in seen_twice}
