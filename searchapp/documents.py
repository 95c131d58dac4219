"""An article and what extraction infers from it → the document the index stores.

Stated metadata (front matter, JSON keys, an import's columns) always beats inferred metadata; an outlet
stated by name is resolved through the outlet table (`OutletTable.resolve`, the one slug rule). The
indexer and the evaluations build documents here, so they measure exactly what gets indexed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from searchapp.config import Settings
from searchapp.extract import Metadata, extract_metadata
from searchapp.extract.byline import credited
from searchapp.extract.dates import stated_day
from searchapp.extract.fingerprint import fingerprint
from searchapp.extract.outlet import OutletTable
from searchapp.extract.people import PeopleRegistry
from searchapp.ingest.cleaning import Boilerplate
from searchapp.ingest.corpus import Article
from searchapp.ingest.files import Skipped
from searchapp.ingest.identity import without_tracking

MAX_PEOPLE = 50  # people kept per article, in order of first mention (a list of 2,900 is not a facet)
# Raised whenever the code changes what a document holds for the same article and configuration (the
# cleaning of its text, what extraction finds): every article is then extracted again by the next run.
EXTRACTION_RULES = 56


def as_people(names: tuple[str, ...] | list[str], registry: PeopleRegistry) -> tuple[str, ...]:
    """The names with one apostrophe (``Ma’ruf`` is ``Ma'ruf``: one person, one facet value, one profile
    address), a name or alias config/people.yaml knows as its person's name (an export's ``Jokowi`` is Joko
    Widodo), each once."""
    return tuple(dict.fromkeys(registry.canonical(name) or name.replace("’", "'").replace("‘", "'")
                               for name in names))


def latest_date(collected: dt.date | None, today: dt.date) -> dt.date:
    """The latest date an article's text may be read to mean: the day it was collected, when stated
    (``Senin (27/3)`` in an article collected in 2017 is 27 March 2017), never after *today*."""
    return min(today, collected) if collected else today


def read_when_collected(collected: dt.date | None, today: dt.date) -> bool:
    """Whether `latest_date` is the day the article was collected (a crawl's record), not only the day it
    is read: an archive may be read years after it was written (`searchapp.extract.dates.dates_in_text`)."""
    return collected is not None and collected <= today


@dataclass(frozen=True)
class DocumentContext:
    """Everything a worker process needs to turn articles into index documents (picklable)."""

    settings: Settings
    today: dt.date

    def load(self) -> DocumentBuilder:
        return DocumentBuilder(OutletTable.load(self.settings.outlets_file),
                               PeopleRegistry.load(self.settings.people_file), self.today,
                               Boilerplate.load(self.settings.boilerplate_file), self.state())

    def state(self) -> str:
        """What a document depends on besides its article: the rules' version and the outlet, people and
        boilerplate files. An article indexed under another state is extracted again, as if it changed."""
        digest = hashlib.sha1(f"rules {EXTRACTION_RULES}".encode())
        for path in (self.settings.outlets_file, self.settings.people_file, self.settings.boilerplate_file):
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]


def document_hash(article: Article, state: str) -> str:
    """What the index keeps to tell whether an article must be indexed again: its content and the state
    it was extracted under (`DocumentContext.state`)."""
    return f"{article.content_hash}/{state}"


class DocumentBuilder:
    """Turns articles into index documents with the configured outlet table, people registry and
    boilerplate patterns."""

    def __init__(self, outlets: OutletTable, people: PeopleRegistry, today: dt.date,
                 boilerplate: Boilerplate | None = None, state: str = "") -> None:
        self.outlets = outlets
        self.people = people
        self.today = today
        self.boilerplate = boilerplate or Boilerplate([])
        self.state = state

    def stated_outlet(self, article: Article) -> tuple[str | None, str | None]:
        """Slug and display name of the outlet the article states, if it states one."""
        return self.outlets.resolve(article.outlet) if article.outlet else (None, None)

    def body(self, article: Article, outlet: str | None) -> str:
        """The article's text without publisher boilerplate (its stated or URL's outlet's patterns too)."""
        if outlet is None and article.url:
            known = self.outlets.from_host(article.url)
            outlet = known.slug if known else None
        return self.boilerplate.clean(article.body, outlet)[0]

    def metadata(self, article: Article, body: str | None = None) -> Metadata:
        """What the article's text and URL say (the people: of *body*, the text without boilerplate);
        a date no later than the day it was collected."""
        return extract_metadata(article.body, url=article.url, outlets=self.outlets, people=self.people,
                                today=latest_date(article.collected, self.today), title=article.title,
                                collected=read_when_collected(article.collected, self.today),
                                people_text=body)

    def credited(self, credit: str | None) -> str | None:
        """The person a stated reporter or editor names (not a desk, a team or an outlet)."""
        return credited(credit, lambda name: self.outlets.slug_named(name) is not None)

    def document(self, article: Article) -> dict[str, Any]:
        stated = self.stated_outlet(article)
        body = self.body(article, stated[0])
        meta = self.metadata(article, body)
        outlet_slug, outlet_name = stated if stated[0] else (meta.outlet, meta.outlet_name)
        date = stated_day(article.date, article.url, self.today, article.updated) if article.date else meta.date
        people = as_people(article.people if article.people is not None else meta.people, self.people)[:MAX_PEOPLE]
        doc = {
            "id": article.id,
            # A title inferred from the lead repeats the body: stored to be shown, not indexed as a headline.
            "title": meta.title if article.title else "",
            "_stored_title": meta.title,
            "body": body,
            "people": ",".join(p.replace(",", " ") for p in people),
            "_stored_people": list(people),
            "source": article.source,
            "content_hash": document_hash(article, self.state).encode("ascii"),
        }
        optional = {
            "outlet": outlet_slug, "outlet_name": outlet_name,
            "date": dt.datetime.combine(date, dt.time()) if date else None,
            "reporter": self.credited(article.reporter) or meta.reporter,
            "editor": self.credited(article.editor) or meta.editor,
            "url": without_tracking(article.url), "summary": article.summary,
            "category": " ".join(article.category.split()) if article.category else None,
            "raw": article.body if body != article.body else None,
            "fingerprint": fingerprint(body),
        }
        if article.published and date == article.date:
            optional.update(published=int(article.published.timestamp()),
                            published_at=article.published.isoformat(), updated=article.updated)
        doc.update({key: value for key, value in optional.items() if value})
        return doc

    def document_or_skipped(self, article: Article) -> dict[str, Any] | Skipped:
        """The index document of *article*, or why it was skipped: one article the extractors cannot
        read costs that article, never the run."""
        try:
            return self.document(article)
        except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError) as error:
            return Skipped(article.source, f"could not be analysed ({type(error).__name__}: {str(error)[:200]})")
