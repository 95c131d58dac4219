"""Articles as the reader sees them: a hit's highlighted title and snippet, the whole article with its
matches marked, and its related articles ("berita terkait")."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from whoosh import classify
from whoosh import query as wq
from whoosh.searching import Searcher

from searchapp.index.analysis import EXACT_MARK, QueryAnalysis
from searchapp.search.highlight import MatchTerms, find_matches, highlight_paragraphs, mark, snippet
from searchapp.search.query import parse_query, positive_words
from searchapp.search.results import Hit
from searchapp.search.stories import StoryTable

RELATED = 5
EXPANDED = 30  # terms of the Bo1 expansion the key terms are taken from
MAX_BRIEFS = 50_000  # copies kept in brief per index generation
KEY_TERMS = 12


class Articles:
    """Reads stored articles of one searcher and renders them for a query's words."""

    def __init__(self, searcher: Searcher, analysis: QueryAnalysis, outlet_label: Callable[[str], str],
                 stories: StoryTable, best_of: Callable[[wq.Query, set[int], int], list[tuple[int, float]]]) -> None:
        self.best_of = best_of  # the best matches of a query but some documents (`searchapp.search.ranking`)
        self.searcher = searcher
        self.analysis = analysis
        self.outlet_label = outlet_label
        self.stories = stories

    def terms(self, q: str) -> MatchTerms:
        return MatchTerms.of(positive_words(parse_query(q)), self.analysis)

    def hit(self, docnum: int, score: float | None, terms: MatchTerms, partial: bool = False,
            copies: bool = True) -> Hit:
        stored = self.searcher.stored_fields(docnum)
        body = stored.get("body", "")
        title = stored.get("title", "")
        stem = self.analysis.stem
        return Hit(
            id=stored["id"],
            title=title,
            title_html=mark(title, find_matches(title, terms, stem)),
            url=stored.get("url"),
            outlet=stored.get("outlet"),
            outlet_name=self.outlet_name(stored),
            date=day_of(stored),
            published_at=stored.get("published_at"),
            updated=bool(stored.get("updated")),
            people=list(stored.get("people") or []),
            reporter=stored.get("reporter"),
            editor=stored.get("editor"),
            score=score,
            snippet=snippet(body, find_matches(body, terms, stem)),
            partial=partial,
            story=self.stories.name_of.get(self.stories.story_of[docnum]),
            copies=[self.copy(d) for d in self.stories.copies(docnum)] if copies else [],
        )

    def row(self, docnum: int, score: float | None, terms: MatchTerms, published: str | None) -> dict:
        """An article as an export row: its metadata, its story's name and its snippet as plain text."""
        stored = self.searcher.stored_fields(docnum)
        body = stored.get("body", "")
        day = day_of(stored)
        return {"id": stored["id"], "title": stored.get("title", ""), "url": stored.get("url"),
                "outlet": stored.get("outlet"), "outlet_name": self.outlet_name(stored),
                "date": day.isoformat() if day else None, "published": published,
                "updated": bool(stored.get("updated")),
                "people": list(stored.get("people") or []), "reporter": stored.get("reporter"),
                "story": self.stories.name_of.get(self.stories.story_of[docnum]),
                "score": round(score, 4) if score is not None else None,
                "snippet": html.unescape(str(snippet(body, find_matches(body, terms, self.analysis.stem)))
                                         .replace("<mark>", "").replace("</mark>", ""))}

    def copy(self, docnum: int) -> dict:
        """Another article of a story, in brief (kept for the generation: a story's copies recur on every
        page that shows it, and reading an article's stored fields reads its whole text)."""
        brief = self.stories.briefs.get(docnum)
        if brief is None:
            brief = self._brief(docnum)
            if len(self.stories.briefs) < MAX_BRIEFS:
                self.stories.briefs[docnum] = brief
        return dict(brief)

    def _brief(self, docnum: int) -> dict:
        stored = self.searcher.stored_fields(docnum)
        day = day_of(stored)
        return {"id": stored["id"], "title": stored.get("title", ""), "url": stored.get("url"),
                "outlet": stored.get("outlet"), "outlet_name": self.outlet_name(stored),
                "date": day.isoformat() if day else None}

    def outlet_name(self, stored: dict) -> str | None:
        """The outlet's name as stored, else as configured for its slug; None without an outlet."""
        outlet = stored.get("outlet")
        return stored.get("outlet_name") or (self.outlet_label(outlet) if outlet else None)

    def document(self, doc_id: str, q: str = "", raw: bool = False, related: bool = True) -> dict | None:
        """The whole article with its metadata, its body highlighted for *q*, and related articles (a
        shard leaves them to its front end); with *raw*, the text as read too (publisher boilerplate
        included)."""
        docnum = self.searcher.document_number(id=doc_id)
        if docnum is None:
            return None
        stored = self.searcher.stored_fields(docnum)
        terms = self.terms(q)
        body = stored.get("body", "")
        spans = find_matches(body, terms, self.analysis.stem)
        article = self.hit(docnum, None, terms).to_dict()
        del article["score"], article["snippet"]
        article.update({
            "body": body,
            "paragraphs_html": [str(p) for p in highlight_paragraphs(body, spans)],
            "matches": len(spans),
            "source": stored.get("source"),
            "summary": stored.get("summary"),
            "category": stored.get("category"),
            "related": [h.to_dict() for h in self.related(docnum)] if related else [],
        })
        if raw:
            article["raw"] = stored.get("raw") or body
        return article

    def related(self, docnum: int, count: int = RELATED) -> list[Hit]:
        """Articles sharing the most distinctive words of this one's body."""
        expander = classify.Expander(self.searcher.reader(), "body")
        expander.add_document(docnum)
        similar = related_query(expander.expanded_terms(EXPANDED), self.analysis.stopwords)
        if similar is None:
            return []
        # not the article itself, nor its copies (those are listed apart, as where else it was published);
        # each other story once, at its best match
        own_story = {docnum, *self.stories.copies(docnum)}
        no_terms = MatchTerms(frozenset(), frozenset())
        ranked = self.best_of(similar, own_story, count * RELATED_READ)
        return [self.hit(d, score, no_terms) for d, score in self.stories.collapse(ranked, set(), count)]


RELATED_READ = 4  # matches read for each related article shown: a story's copies take one place


def related_query(expanded: list[tuple[str, float]], stopwords: frozenset[str]) -> wq.Query | None:
    """What finds an article's related articles: its most distinctive roots (Whoosh's Bo1 expansion of its
    body, *expanded*), in the title or the body; None when it has none."""
    key_terms = [term for term, _weight in expanded
                 if not term.startswith(EXACT_MARK) and term not in stopwords and not term.isdigit()][:KEY_TERMS]
    if not key_terms:
        return None
    return wq.Or([wq.Term(field, term) for field in ("body", "title") for term in key_terms])


def day_of(stored: dict) -> dt.date | None:
    """The stored publication day (the index keeps it as a datetime at midnight)."""
    date = stored.get("date")
    return date.date() if isinstance(date, dt.datetime) else None
