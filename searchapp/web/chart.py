"""The attention chart above the results: a search's articles over time as an SVG drawn on the server
(no script, no external asset), each bar a link that narrows the search to its period, with a title,
axis labels in Indonesian and a table for readers who cannot see it."""

from __future__ import annotations

from markupsafe import Markup, escape

from searchapp.web import format as fmt

WIDTH, HEIGHT = 640, 170
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 34  # margins: the y axis' labels left, the dates below
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


def attention_svg(timeline: dict, scale: str = "share") -> Markup:
    """The chart of a timeline as the API gives it (`timeline_dict`), bars by share or by count."""
    buckets, interval = timeline["buckets"], timeline["interval"]
    key = "share" if scale == "share" else "count"
    top = max((b[key] for b in buckets), default=0) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(buckets), 1)
    gap = min(2.0, step * 0.2)
    title = f"Berita per {INTERVAL_LABELS[interval].lower()}: {SCALE_TITLES[scale]}"
    parts = [f'<svg class="attention" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="grafik-judul grafik-desk">',
             f'<title id="grafik-judul">{escape(title)}</title>',
             f'<desc id="grafik-desk">{timeline["dated"]} berita bertanggal dalam {len(buckets)} periode; '
             f'batang menuju berita periode itu.</desc>',
             f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"/>']
    top_label = f"{fmt.angka(top * 100, 1)}%" if scale == "share" else fmt.angka(top)
    parts.append(f'<text class="tick" x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end">{top_label}</text>')
    parts.append(f'<text class="tick" x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end">0</text>')
    for n, bucket in enumerate(buckets):
        height = plot_h * bucket[key] / top
        x = LEFT + n * step
        parts.append(f'<a href="{escape(bucket["url"])}"><rect class="bar-rect" x="{x + gap / 2:.1f}" '
                     f'y="{TOP + plot_h - height:.1f}" width="{max(step - gap, 1):.1f}" height="{max(height, 0):.1f}">'
                     f'<title>{escape(bar_text(bucket, interval))}</title></rect>'
                     f'<rect class="bar-hit" x="{x:.1f}" y="{TOP}" width="{step:.1f}" height="{plot_h}">'
                     f'<title>{escape(bar_text(bucket, interval))}</title></rect></a>')
    if buckets:
        parts.append(f'<text class="tick" x="{LEFT}" y="{HEIGHT - 16}">{escape(period_label(buckets[0], interval))}'
                     '</text>')
        if len(buckets) > 1:
            parts.append(f'<text class="tick" x="{WIDTH - RIGHT}" y="{HEIGHT - 16}" text-anchor="end">'
                         f'{escape(period_label(buckets[-1], interval))}</text>')
    parts.append(f'<text class="axis-label" x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 2}" text-anchor="middle">'
                 f'Waktu (per {INTERVAL_LABELS[interval].lower()})</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
