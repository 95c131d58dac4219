"""The attention chart above the results: a search's articles over time as an SVG drawn on the server
(no script, no external asset), each bar a link that narrows the search to its period, with a title,
axis labels in Indonesian and a table for readers who cannot see it."""

from __future__ import annotations

from markupsafe import Markup, escape

from searchapp.web import format as fmt

WIDTH, HEIGHT = 640, 170
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 34  # margins: the y axis' labels left, the dates below
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
INTERVAL_LABELS = {"day": "Hari", "week": "Minggu", "month": "Bulan", "year": "Tahun"}
SCALES = {"share": "Persentase", "count": "Jumlah"}
SCALE_TITLES = {"share": "persentase dari semua berita periode itu", "count": "jumlah berita"}


def period_label(bucket: dict, interval: str) -> str:
    """The bucket's period as a reader says it: `18 Mar 2019`, `minggu 18–24 Mar 2019`, `Maret 2019`."""
    if interval == "year":
        return bucket["start"][:4]
    if interval == "month":
        return fmt.bulan(bucket["start"][:7])
    if interval == "week":
        return f"minggu {fmt.tanggal(bucket['start'])} – {fmt.tanggal(bucket['end'])}"
    return fmt.tanggal(bucket["start"])


def bar_text(bucket: dict, interval: str) -> str:
    return (f"{period_label(bucket, interval)}: {fmt.angka(bucket['count'])} dari {fmt.angka(bucket['total'])} "
            f"berita ({fmt.angka(bucket['share'] * 100, 1)}%)")


def _open(title: str, description: str, top_label: str, extra_class: str = "") -> list[str]:
    """The chart's start: its title and description for screen readers, the axis, the y scale."""
    return [f'<svg class="attention{extra_class}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            'aria-labelledby="grafik-judul grafik-desk">',
            f'<title id="grafik-judul">{escape(title)}</title>',
            f'<desc id="grafik-desk">{escape(description)}</desc>',
            f'<line class="axis" x1="{LEFT}" y1="{TOP + PLOT_H}" x2="{WIDTH - RIGHT}" y2="{TOP + PLOT_H}"/>',
            f'<text class="tick" x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end">{escape(top_label)}</text>',
            f'<text class="tick" x="{LEFT - 4}" y="{TOP + PLOT_H}" text-anchor="end">0</text>']


def _close(buckets: list[dict], interval: str) -> list[str]:
    """The chart's end: the first and last periods under the axis, its label."""
    parts = []
    if buckets:
        parts.append(f'<text class="tick" x="{LEFT}" y="{HEIGHT - 16}">{escape(period_label(buckets[0], interval))}'
                     '</text>')
    if len(buckets) > 1:
        parts.append(f'<text class="tick" x="{WIDTH - RIGHT}" y="{HEIGHT - 16}" text-anchor="end">'
                     f'{escape(period_label(buckets[-1], interval))}</text>')
    parts.append(f'<text class="axis-label" x="{LEFT + PLOT_W / 2:.0f}" y="{HEIGHT - 2}" text-anchor="middle">'
                 f'Waktu (per {INTERVAL_LABELS[interval].lower()})</text></svg>')
    return parts


# A share of a period with few articles is mostly chance (1 of 1 is 100%): one with fewer than this, or
# than a tenth of a typical period's (the median of those with any), does not set the chart's height, and
# its bar or point is drawn faint, at most as tall as the chart, and says why.
MIN_SHARE_BASE = 20
TYPICAL_SHARE = 0.1
ENOUGH_SHARE_BASE = 200  # and never more than this: a share of 200 articles is read well enough


def share_floor(buckets: list[dict]) -> float:
    """The articles a period needs for its share to set the chart's height (see above)."""
    totals = sorted(b["total"] for b in buckets if b["total"])
    typical = TYPICAL_SHARE * totals[len(totals) // 2] if totals else 0
    return min(ENOUGH_SHARE_BASE, max(MIN_SHARE_BASE, typical))


def few(bucket: dict, scale: str, floor: float) -> bool:
    """Whether the bucket's share stands on too few articles to be read (only a share can)."""
    return scale == "share" and bucket["total"] < floor


def _top(buckets: list[dict], scale: str, floor: float) -> tuple[float, str]:
    """The chart's height in values and its label: the largest value of the periods a share can be read
    in (of every period when none can)."""
    key = "share" if scale == "share" else "count"
    values = [b[key] for b in buckets if not few(b, scale, floor)] or [b[key] for b in buckets]
    top = max(values, default=0) or 1
    return top, (f"{fmt.angka(top * 100, 1)}%" if scale == "share" else fmt.angka(top))


def _height(bucket: dict, scale: str, top: float) -> float:
    key = "share" if scale == "share" else "count"
    return PLOT_H * min(bucket[key] / top, 1.0)


def _label(bucket: dict, interval: str, scale: str, floor: float) -> str:
    if not bucket["total"]:
        return f"{period_label(bucket, interval)}: tidak ada berita"
    note = " — terlalu sedikit berita untuk persentase yang bermakna" if few(bucket, scale, floor) else ""
    return bar_text(bucket, interval) + note


def attention_svg(timeline: dict, scale: str = "share") -> Markup:
    """The chart of a timeline as the API gives it (`timeline_dict`), bars by share or by count."""
    buckets, interval = timeline["buckets"], timeline["interval"]
    floor = share_floor(buckets)
    top, top_label = _top(buckets, scale, floor)
    step = PLOT_W / max(len(buckets), 1)
    gap = min(2.0, step * 0.2)
    parts = _open(f"Berita per {INTERVAL_LABELS[interval].lower()}: {SCALE_TITLES[scale]}",
                  f"{timeline['dated']} berita bertanggal dalam {len(buckets)} periode; batang menuju berita "
                  "periode itu.", top_label)
    for n, bucket in enumerate(buckets):
        height = _height(bucket, scale, top)
        x = LEFT + n * step
        text = escape(_label(bucket, interval, scale, floor))
        faint = " few" if few(bucket, scale, floor) else ""
        parts.append(f'<a href="{escape(bucket["url"])}"><rect class="bar-rect{faint}" x="{x + gap / 2:.1f}" '
                     f'y="{TOP + PLOT_H - height:.1f}" width="{max(step - gap, 1):.1f}" height="{height:.1f}">'
                     f'<title>{text}</title></rect><rect class="bar-hit" x="{x:.1f}" y="{TOP}" '
                     f'width="{step:.1f}" height="{PLOT_H}"><title>{text}</title></rect></a>')
    return Markup("".join(parts + _close(buckets, interval)))


def compare_svg(series: list[dict], interval: str, scale: str = "share") -> Markup:
    """Up to four searches' timelines as lines on one chart (a colour each: classes s0 … s3), every point
    a link narrowing its search to its period."""
    every = [b for one in series for b in one["buckets"]]
    floor = share_floor(series[0]["buckets"] if series else [])  # every query's periods hold the same articles
    top, top_label = _top(every, scale, floor)
    step = PLOT_W / max(max((len(one["buckets"]) for one in series), default=0), 1)
    totals = "; ".join(f"{one['query'] or 'semua berita'}: {one['total']} berita" for one in series)
    parts = _open(f"Perbandingan {len(series)} pencarian, per {INTERVAL_LABELS[interval].lower()}: "
                  f"{SCALE_TITLES[scale]}", totals, top_label, " compare")
    for number, one in enumerate(series):
        points = [(LEFT + (n + 0.5) * step, TOP + PLOT_H - _height(b, scale, top))
                  for n, b in enumerate(one["buckets"])]
        parts.append(f'<polyline class="line s{number}" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}"/>')
        for (x, y), bucket in zip(points, one["buckets"], strict=True):
            label = escape(f"{one['query'] or 'semua berita'} — {_label(bucket, interval, scale, floor)}")
            faint = " few" if few(bucket, scale, floor) else ""
            parts.append(f'<a href="{escape(bucket["url"])}"><circle class="dot s{number}{faint}" cx="{x:.1f}" '
                         f'cy="{y:.1f}" r="3"><title>{label}</title></circle></a>')
    return Markup("".join(parts + _close(series[0]["buckets"] if series else [], interval)))
