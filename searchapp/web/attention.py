"""The attention chart's view on the search and compare pages: its interval and scale from the address, the
table beside the SVG (`searchapp.web.chart` draws it), and the links that switch its interval and scale."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit

from searchapp.search.results import SearchResult, timeline_dict
from searchapp.search.timeline import INTERVALS, IntervalError, Timeline, fits
from searchapp.web import format as fmt
from searchapp.web.chart import INTERVAL_LABELS, SCALES, attention_svg, period_label
from searchapp.web.page_params import SEARCH_PATH


def chart_params(args: Mapping[str, str], problems: list[str]) -> tuple[str, str]:
    """The chart's interval (``auto`` unless chosen) and scale (``share`` unless ``count``); a bad value
    is a problem shown on the page, and the default is used."""
    interval, scale = args.get("interval", "auto"), args.get("skala", "share")
    if interval not in ("auto", *INTERVALS):
        problems.append(f"Interval grafik {interval[:40]!r} tidak dikenal (hari: day, minggu: week, bulan: month, "
                        "tahun: year).")
        interval = "auto"
    if scale not in SCALES:
        problems.append(f"Skala grafik {scale[:40]!r} tidak dikenal (share atau count).")
        scale = "share"
    return interval, scale


def with_params(url: str, **params: str) -> str:
    """*url* with *params* set (replacing any it holds), but those at their defaults (``auto``, ``share``)."""
    parts = urlsplit(url)
    kept = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key not in params]
    query = urlencode(kept + [(key, value) for key, value in params.items() if value not in ("auto", "share")])
    return f"{parts.path}?{query}" if query else parts.path


def attention_view(result: SearchResult, interval: str, scale: str) -> dict | None:
    """The chart above the results, its table, and the links that switch its interval and scale."""
    if result.timeline is None or not result.timeline.buckets:
        return None
    search = result.request
    timeline = timeline_dict(result.timeline, search, result.total, SEARCH_PATH)
    here = search.url(SEARCH_PATH)
    narrowed = any(bucket["count"] != bucket["total"] for bucket in timeline["buckets"])
    if not narrowed:
        scale = "count"  # every article of each period found: a share is 100% everywhere, only counts say anything
    return {
        "svg": attention_svg(timeline, scale),
        "rows": [{**bucket, "label": period_label(bucket, timeline["interval"]),
                  "percent": fmt.angka(bucket["share"] * 100, 1)} for bucket in timeline["buckets"]],
        "undated": timeline["undated"],
        "intervals": interval_switch(result.timeline, lambda value: with_params(here, interval=value, skala=scale)),
        "scales": [{"label": label, "selected": value == scale,
                    "url": with_params(here, interval=interval, skala=value)}
                   for value, label in SCALES.items()] if narrowed else [],
        "api_url": with_params(search.url("/api/timeline"), interval=interval),
    }


def interval_switch(timeline: Timeline, url: Callable[[str], str]) -> list[dict]:
    """The chart's intervals as links, but those that would draw more bars than a chart holds over its span
    (``url`` None: shown, not offered); the one drawn over a span cut short for it (a stray date centuries
    away) links to the chart as drawn, the interval left to choose."""
    first, last, chosen = timeline.buckets[0].start, timeline.buckets[-1].end, timeline.interval
    return [{"label": label, "selected": value == chosen,
             "url": (url("auto") if timeline.cut else url(value)) if value == chosen
             else url(value) if fits(first, last, value) else None}
            for value, label in INTERVAL_LABELS.items()]


def interval_problem(error: IntervalError) -> str:
    """What the page says when the chart's interval is too fine for the span."""
    coarser = f"grafik per {INTERVAL_LABELS[error.coarser].lower()} atau " if error.coarser else ""
    return (f"Grafik per {INTERVAL_LABELS[error.interval].lower()} tidak dapat digambar untuk rentang ini (lebih "
            f"dari {fmt.angka(error.limit)} batang): pilih {coarser}rentang tanggal yang lebih pendek.")
