"""What the boilerplate patterns remove from real crawls and exports (``../shared/data/indonews``, the
workbooks of ``click-id``): lines per pattern and per outlet, and a seeded sample of removed lines to check
by hand that none is part of a story; the paragraphs a scraper joined with commas, put back on lines of
their own; the quotations it left empty, marked as cut; and the words the crawls glued together, whose
parts are indexed beside them, with a sample."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from searchapp.config import Settings
from searchapp.extract.outlet import OutletTable
from searchapp.index.words import glued_parts, iter_words
from searchapp.ingest.cleaning import Boilerplate, repair
from searchapp.ingest.scraped import count_emptied_quotes, joints, mark_emptied_quotes
from searchapp.ingest.tables import open_table

BODY_COLUMNS = ("isi_berita", "content")  # indonews, click-id


def evaluate_boilerplate(folder: Path, settings: Settings, listed: int = 40, seed: int = 13) -> str:
    boilerplate = Boilerplate.load(settings.boilerplate_file)
    outlets = OutletTable.load(settings.outlets_file)
    by_pattern: Counter = Counter()
    by_outlet: Counter = Counter()
    removed_lines: list[tuple[str, str, str]] = []
    glued: Counter = Counter()
    articles = touched = lines = glued_articles = joined = joined_articles = emptied = emptied_articles = 0
    for path in sorted(folder.rglob("*.csv")) + sorted(folder.rglob("*.xlsx")):  # click-id: csv/, xlsx/
        table = open_table(path)
        header = [name.strip().lower() for name in table.header]
        for _line, row in table.rows:
            record = dict(zip(header, row, strict=False))
            body = repair(str(next((record[key] for key in BODY_COLUMNS if record.get(key)), "")))
            if not body.strip():
                continue
            known = outlets.from_host(str(record.get("url") or ""))
            outlet = known.slug if known else None
            restored = joints(mark_emptied_quotes(body))  # as cleaning puts them back, emptied quotations marked first
            joined += restored
            joined_articles += restored > 0
            empty = count_emptied_quotes(body)
            emptied += empty
            emptied_articles += empty > 0
            cleaned, removed = boilerplate.clean(body, outlet)
            found = [word for word, _start, _end in iter_words(cleaned) if glued_parts(word)]
            glued.update(found)
            glued_articles += bool(found)
            articles += 1
            lines += sum(1 for line in body.split("\n") if line.strip())
            touched += bool(removed)
            for name, line in removed:
                by_pattern[name] += 1
                by_outlet[outlet or "?"] += 1
                removed_lines.append((outlet or "?", name, line))
    out = [f"{articles} articles, {lines} non-empty lines; {sum(by_pattern.values())} boilerplate lines removed "
           f"from {touched} articles ({sum(by_pattern.values()) / max(1, lines):.1%} of the lines)", "by pattern:"]
    out += [f"  {name:28} {count}" for name, count in by_pattern.most_common()]
    out.append(f"paragraphs a scraper joined with commas, put back on lines of their own: {joined} in "
               f"{joined_articles} articles")
    out.append(f"quotations a scraper left empty (\",\"), marked as cut (\"…\"): {emptied} in "
               f"{emptied_articles} articles")
    out.append("by outlet: " + ", ".join(f"{outlet} {count}" for outlet, count in by_outlet.most_common()))
    distinct = sorted(set(removed_lines))
    out.append(f"{len(distinct)} distinct removed lines; a sample of {min(listed, len(distinct))} to check by hand:")
    out += [f"  [{outlet}] {name}: {line[:160]}"
            for outlet, name, line in random.Random(seed).sample(distinct, min(listed, len(distinct)))]
    out.append(f"glued words (indexed as written and as their parts): {sum(glued.values())} in {glued_articles} "
               f"articles, {len(glued)} distinct; a sample of {min(listed, len(glued))} to check by hand:")
    out += [f"  {word} → {' '.join(part for part, _a, _b in glued_parts(word))}"
            for word in random.Random(seed).sample(sorted(glued), min(listed, len(glued)))]
    return "\n".join(out)
