"""Which news outlet published an article: from its URL host, or from a marker in its text.

An outlet the table does not know is still named when its web address says it: the site of the URL's
host (``news.katadata.co.id`` → ``katadata.co.id``), or a site written as the text's dateline
(``JAKARTA, KATADATA.CO.ID -``) when there is no URL and no marker of the table's outlets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from searchapp.errors import ConfigError
from searchapp.yaml_files import load_entries

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HOST = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}$")
# The outlet filter value for articles without a known outlet; never an outlet's slug.
UNKNOWN_OUTLET = "unknown"
# Second-level labels under which sites register beneath a two-letter country domain (katadata.co.id,
# bbc.co.uk, abc.net.au): such a site is its last three labels, any other its last two.
_SECOND_LEVEL = frozenset({"ac", "biz", "co", "com", "desa", "edu", "go", "gov", "mil", "my", "net", "or",
                           "org", "ponpes", "sch", "web"})
# A dateline of a site's own address at a line start of the text's opening, a town before or after it:
# `JAKARTA, KATADATA.CO.ID -`, `JawaPos.com –`, `INILAH.COM, Jakarta -`, `Metrotvnews.com, Jakarta:`.
SITE_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’ ]{0,40},[ \t\xa0]*)?"
    r"(?P<site>[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
    r"\.(?i:co\.id|or\.id|web\.id|my\.id|ac\.id|go\.id|com|id|net|org|co|tv|news|info|online|asia|biz))"
    r"(?:,[ \t\xa0]*[A-Z][\w.'’ ]{0,40})?[ \t\xa0]*(?:-[ \t\xa0]*-|--|[-–—:|])", re.MULTILINE)
DATELINE_CHARS = 500  # where a dateline stands: the text's opening
_SCHEMA = {"slug": "str", "name": "str", "hosts": "list", "patterns": "list", "aliases": "list"}


@dataclass(frozen=True)
class Outlet:
    """One outlet of config/outlets.yaml."""

    slug: str
    name: str
    hosts: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    aliases: tuple[str, ...] = ()


def host_of(url: str) -> str | None:
    """The lower-case host of ``url`` without ``www.``; a URL without a scheme is accepted."""
    url = url.strip()
    if not url:
        return None
    if "://" not in url and not url.startswith("//"):
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def site_of(host: str) -> str | None:
    """The site a host belongs to, its registrable domain (``m.jpnn.com`` → ``jpnn.com``); None for what
    is no host name (an address, ``localhost``)."""
    host = host.lower().rstrip(".")
    if not _HOST.match(host):
        return None
    labels = host.split(".")
    registered = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-registered:])


def site_outlet(site: str) -> Outlet:
    """The outlet of a site the table does not know: named by its address, its slug made of that name."""
    slug = slugify(site)
    assert slug is not None  # a site's address holds letters or digits around its dots
    return Outlet(slug, site)


def dateline_site(text: str) -> str | None:
    """The site whose address the text's opening writes as its dateline, or None."""
    match = SITE_DATELINE.search(text[:DATELINE_CHARS])
    return site_of(match.group("site")) if match else None


class OutletTable:
    """The outlets known to searchapp, by slug, URL host and alias."""

    def __init__(self, outlets: list[Outlet] | tuple[Outlet, ...]) -> None:
        self._outlets = tuple(outlets)
        self._by_slug = {o.slug: o for o in self._outlets}
        self._by_host = {h: o for o in self._outlets for h in o.hosts}
        self._by_alias: dict[str, Outlet] = {}
        for o in self._outlets:
            for key in (o.slug, o.name, *o.aliases):
                self._by_alias.setdefault(alias_key(key), o)
        self._markers = _combine(self._outlets)

    @classmethod
    def load(cls, path: str | Path) -> OutletTable:
        """Read and validate config/outlets.yaml; any problem raises ConfigError."""
        entries = load_entries(path, "outlets", _SCHEMA, required=("slug", "name"))
        outlets: list[Outlet] = []
        seen_slugs: set[str] = set()
        seen_hosts: dict[str, str] = {}
        for i, e in enumerate(entries):
            where = f"outlets[{i}]"
            slug = e["slug"]
            if not _SLUG.match(slug):
                raise ConfigError(
                    str(path), "slug must be lower-case letters, digits and '-'", f"{where}.slug"
                )
            if slug in seen_slugs:
                raise ConfigError(str(path), f"duplicate slug '{slug}'", f"{where}.slug")
            seen_slugs.add(slug)
            hosts = []
            for j, host in enumerate(e["hosts"]):
                host = host.lower()
                if not _HOST.match(host):
                    raise ConfigError(str(path), f"not a host name: '{host}'", f"{where}.hosts[{j}]")
                if host in seen_hosts:
                    raise ConfigError(
                        str(path), f"host already used by '{seen_hosts[host]}'", f"{where}.hosts[{j}]"
                    )
                seen_hosts[host] = slug
                hosts.append(host)
            patterns = []
            for j, pat in enumerate(e["patterns"]):
                try:
                    patterns.append(re.compile(pat, re.MULTILINE))
                except re.error as exc:
                    raise ConfigError(
                        str(path), f"bad regular expression: {exc}", f"{where}.patterns[{j}]"
                    ) from None
            outlets.append(Outlet(slug, e["name"], tuple(hosts), tuple(patterns), tuple(e["aliases"])))
        return cls(outlets)

    def name_keys(self) -> frozenset[str]:
        """Every outlet name and alias, lower case without spaces or punctuation ("kompastv")."""
        return frozenset(self._by_alias)

    def from_text(self, text: str) -> Outlet | None:
        """The outlet whose marker comes first in ``text`` (table order breaks ties), or None."""
        if self._markers is not None:
            return self._from_text_combined(text)
        best = None
        for rank, o in enumerate(self._outlets):
            for pat in o.patterns:
                m = pat.search(text)
                if m is not None and (best is None or (m.start(), rank) < best[0]):
                    best = (m.start(), rank), o
        return best[1] if best else None

    def _from_text_combined(self, text: str) -> Outlet | None:
        anchored, free = self._markers  # type: ignore[misc]
        hits = []
        for group, pat in free:
            m = pat.search(text)
            if m is not None:
                hits.append((m.start(), group))
        if anchored is not None:
            pos = 0
            while pos <= len(text):
                m = anchored.match(text, pos)
                if m is not None:
                    hits.append((m.start(), m.lastgroup))
                    break
                nl = text.find("\n", pos)
                if nl < 0:
                    break
                pos = nl + 1
        if not hits:
            return None
        _, group = min(hits, key=lambda h: (h[0], int(str(h[1])[1:].split("_")[0])))
        return self._outlets[int(str(group)[1:].split("_")[0])]

    def get(self, slug: str) -> Outlet | None:
        """The outlet with this slug, or None."""
        return self._by_slug.get(slug)

    def all(self) -> tuple[Outlet, ...]:
        """Every outlet, in file order."""
        return self._outlets

    def from_alias(self, name: str) -> Outlet | None:
        """The outlet a user means by ``name`` (slug, display name or alias; case and spaces ignored)."""
        return self._by_alias.get(alias_key(name))

    def slug_named(self, name: str) -> str | None:
        """The slug of the configured outlet *name* means (its slug, name, alias or host), or None."""
        known = self.from_alias(name) or self.from_host(name)
        return known.slug if known is not None else None

    def resolve(self, stated: str) -> tuple[str | None, str | None]:
        """Slug and display name of an outlet stated explicitly (slug, name, alias or host). An outlet
        the table does not know keeps its name as written, but a host is named by its site (so that it
        is the outlet its URLs name); its slug is the one `slugify` makes of the site or name."""
        known = self.from_alias(stated) or self.from_host(stated)
        if known is not None:
            return known.slug, known.name
        written = stated.strip()
        site = site_of(host_of(written) or "") if "." in written and " " not in written else None
        if site is not None:  # `Kabarseleb.com` keeps its capitals, `www.kabarseleb.com/` is the site
            return site_outlet(site).slug, written if written.casefold() == site else site
        slug = slugify(stated)
        return (slug, stated.strip()) if slug else (None, None)

    def from_host(self, url: str | None) -> Outlet | None:
        """The outlet whose host is the URL's host or a parent domain of it (``m.kompas.tv`` -> kompas-tv)."""
        host = host_of(url) if url else None
        while host:
            outlet = self._by_host.get(host)
            if outlet is not None:
                return outlet
            _, _, host = host.partition(".")
            if "." not in host:
                return None
        return None


def _combine(
    outlets: tuple[Outlet, ...],
) -> tuple[re.Pattern[str] | None, list[tuple[str, re.Pattern[str]]]] | None:
    """Markers anchored at a line start as one regex tried only at line starts, and the others one by
    one (Python's re is fastest on a pattern with a literal prefix); None when they cannot be combined."""
    anchored, free = [], []
    for rank, o in enumerate(outlets):
        for j, pat in enumerate(o.patterns):
            if pat.pattern.startswith("^"):
                anchored.append(f"(?P<o{rank}_{j}>{pat.pattern})")
            else:
                free.append((f"o{rank}_{j}", pat))
    try:
        return (re.compile("|".join(anchored), re.MULTILINE) if anchored else None), free
    except re.error:  # e.g. two markers define the same group name
        return None


def slugify(name: str) -> str | None:
    """The one slug rule for an outlet name: lower case, runs of anything but letters and digits as one
    hyphen (``Tempo.co`` → ``tempo-co``); None when nothing is left, or for the reserved `UNKNOWN_OUTLET`."""
    slug = "-".join(re.sub(r"[\W_]+", " ", name.casefold()).split())
    return slug if slug and slug != UNKNOWN_OUTLET else None


def indexed_outlet(value: str, indexed: Callable[[str], bool]) -> str | None:
    """The slug an index holds for an outlet the table does not know, typed as its slug or its name
    (``katadata.co.id`` for ``katadata-co-id``), or None."""
    return next((slug for slug in (value, slugify(value)) if slug and indexed(slug)), None)


def alias_key(name: str) -> str:
    """How an outlet's name is compared: case, spaces and punctuation ignored (``Kompas TV`` = ``kompastv``)."""
    return re.sub(r"[\W_]+", "", name.casefold())


def detect_outlet(text: str, url: str | None, table: OutletTable) -> Outlet | None:
    """The outlet that published ``text``: its URL's (the table's outlet of that host, else the host's
    site), else the table's outlet of the earliest text marker, else the site the text's dateline writes;
    or None. A URL names the publisher even when the text is another outlet's, copied with its markers."""
    outlet = table.from_host(url) if url else None
    site = site_of(host_of(url) or "") if url and outlet is None else None
    if outlet is None and site is None:
        outlet = table.from_text(text)
        site = dateline_site(text) if outlet is None else None
    return outlet or (site_outlet(site) if site else None)
