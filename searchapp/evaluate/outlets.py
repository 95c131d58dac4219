"""How well the outlet is recognised from an article's URL and text.

For every corpus article with a stated ``outlet``, `detect_outlet(text, url, table)` is run as if the
outlet were unknown: once as the indexer runs it (URL and text) and once from the text alone (its
dateline, byline or footer markers; no URL). Both are run again with the article's outlet left out of
the table, as for an outlet searchapp was never told of: then only its site can name it (the URL's, or a
dateline writing its address), and a detection agrees when it names one of the outlet's hosts' sites.
Agreement is counted on the articles where a marker exists (something was detected); articles without
any marker are counted apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from searchapp.extract.outlet import SITE_DATELINE, OutletTable, detect_outlet, host_of, site_of, site_outlet

MODES = ("url+text", "text only", "left out, url+text", "left out, text only")
RESULTS = ("agree", "wrong", "no marker")
SNIPPET_CHARS = 60


@dataclass(frozen=True)
class OutletCase:
    id: str
    given: str
    detected: str | None
    mode: str
    evidence: str | None  # the host, or the text the marker matched (no marker: the article's opening)

    @property
    def result(self) -> str:
        return "no marker" if self.detected is None else "agree" if self.detected == self.given else "wrong"


@dataclass
class OutletReport:
    without_outlet: int = 0
    unknown_given: Counter = field(default_factory=Counter)  # stated outlets not in the outlet table
    cases: list[OutletCase] = field(default_factory=list)

    def counts(self, mode: str, outlet: str | None = None) -> Counter:
        return Counter(c.result for c in self.cases if c.mode == mode and (outlet is None or c.given == outlet))

    def outlets(self) -> list[str]:
        return [slug for slug, _n in Counter(c.given for c in self.cases if c.mode == MODES[0]).most_common()]


def given_slug(table, stated: str) -> tuple[str, bool]:
    """The slug of a stated outlet (slug, name, alias or host) and whether the table knows it."""
    slug, _name = table.resolve(stated)
    return slug or "", table.get(slug or "") is not None


def marker_evidence(text: str, url: str | None, slug: str, table) -> str | None:
    """What made *slug* the detected outlet: the URL's host, or the text around its earliest marker."""
    host = host_of(url) if url else None
    if host:
        by_host = table.from_host(url) or site_outlet(site_of(host) or host)
        if by_host.slug == slug:
            return f"host {host}"
    outlet = table.get(slug)
    patterns = outlet.patterns if outlet is not None else [SITE_DATELINE]
    matches = [m for m in (p.search(text) for p in patterns) if m is not None]
    if not matches:
        return None
    first = min(matches, key=lambda m: m.start())
    start, end = max(0, first.start() - 10), min(len(text), first.end() + SNIPPET_CHARS)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def evaluate_outlets(articles: Iterable[Any], table) -> OutletReport:
    """Detected against stated outlets of *articles* (objects with ``id, body, url, outlet``)."""
    report = OutletReport()
    tables_without: dict[str, OutletTable] = {}
    for article in articles:
        if not article.outlet:
            report.without_outlet += 1
            continue
        given, known = given_slug(table, article.outlet)
        if not known:
            report.unknown_given[article.outlet] += 1
        if given not in tables_without:
            tables_without[given] = OutletTable([o for o in table.all() if o.slug != given])
        without = tables_without[given]
        own_sites = {site_of(host) for host in table.get(given).hosts} if known else set()
        for mode, url, used in zip(MODES, (article.url, None) * 2, (table, table, without, without), strict=True):
            found = detect_outlet(article.body, url, used)
            detected = given if found is not None and found.name in own_sites else found.slug if found else None
            evidence = None
            if detected is None:
                evidence = " ".join(article.body[:SNIPPET_CHARS].split()) + "…"
            elif detected != given:
                evidence = marker_evidence(article.body, url, detected, used)
            report.cases.append(OutletCase(article.id, given, detected, mode, evidence))
    return report


def _row(label: str, counts: Counter) -> str:
    n = sum(counts.values())
    marked = counts["agree"] + counts["wrong"]
    agreement = f"{counts['agree'] / marked:>9.1%}" if marked else f"{'-':>9}"
    return (f"{label:<18} {n:>6} {counts['agree']:>6} {counts['wrong']:>6} {counts['no marker']:>9} "
            f"{marked / n if n else 0:>8.1%} {agreement}")


def format_report(report: OutletReport, listed: int = 30, unmarked: int = 3) -> str:
    header = f"{'outlet':<18} {'n':>6} {'agree':>6} {'wrong':>6} {'no marker':>9} {'marked':>8} {'agreement':>9}"
    lines = [
        "Outlets detected from URL and text (detect_outlet), against the stated outlet",
        f"{sum(report.counts(MODES[0]).values())} articles with a stated outlet "
        f"({report.without_outlet} without one, not counted); agreement = agree / (agree + wrong), "
        "on the articles where a marker exists",
    ]
    if report.unknown_given:
        lines.append("stated outlets unknown to the outlet table: "
                     + ", ".join(f"{name} ({n})" for name, n in report.unknown_given.most_common()))
    for mode in MODES:
        lines += ["", f"{mode}:", header, _row("all", report.counts(mode))]
        lines += [_row(slug, report.counts(mode, slug)) for slug in report.outlets()]
    for mode in MODES:
        wrong = [c for c in report.cases if c.mode == mode and c.result == "wrong"]
        lines += ["", f"wrong outlets, {mode} ({len(wrong)}):"]
        pairs = Counter((c.given, c.detected) for c in wrong)
        lines += [f"  {given} detected as {detected}: {n}" for (given, detected), n in pairs.most_common()]
        lines += [f"    {c.id}: {c.given} → {c.detected} ({c.evidence or 'evidence not found'})"
                  for c in wrong[:listed]]
        if len(wrong) > listed:
            lines.append(f"    … and {len(wrong) - listed} more")
    if unmarked > 0:
        lines += ["", f"openings of articles without a marker, text only (at most {unmarked} an outlet):"]
        for slug in report.outlets():
            cases = [c for c in report.cases if c.mode == MODES[1] and c.given == slug and c.detected is None]
            lines += [f"  {slug} {c.id}: {c.evidence}" for c in cases[:unmarked]]
    return "\n".join(lines)
