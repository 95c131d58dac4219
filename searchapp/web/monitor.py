"""Pages for following coverage rather than finding one article: comparing queries over time, and the
profile of a person or an outlet (composed from the search every page uses)."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from searchapp.errors import QueryError
from searchapp.search.request import MAX_COMPARED, SearchRequest, parse_compared
from searchapp.search.results import timeline_dict
from searchapp.search.timeline import IntervalError
from searchapp.web.attention import chart_params, interval_problem, interval_switch, with_params
from searchapp.web.chart import SCALES, attention_svg, compare_svg, period_label
from searchapp.web.context import engine
from searchapp.web.page_params import SEARCH_PARAMS, SEARCH_PATH, parse_leniently, problem_message, resolve_people
from searchapp.web.pages import error_page
from searchapp.web.search_view import (
    aliases_of,
    person_known_as,
    profile,
)

blueprint = Blueprint("monitor", __name__)

COMPARE_PATH = "/bandingkan"


@blueprint.get(COMPARE_PATH)
def compare():
    """Up to four queries on one chart, each in its colour with its total; the filters apply to all."""
    search_engine = engine()
    problems: list[str] = []
    interval, scale = chart_params(request.args, problems)
    typed = [q for q in request.args.getlist("q") if q.strip()]
    if len(typed) > MAX_COMPARED:
        problems.append(f"Paling banyak {MAX_COMPARED} pencarian dapat dibandingkan; "
                        f"{len(typed) - MAX_COMPARED} pencarian terakhir tidak disertakan.")
        typed = typed[:MAX_COMPARED]
    params = {key: request.args.getlist(key) for key in SEARCH_PARAMS if key in request.args and key != "q"}
    shared, left_out = parse_leniently(params, search_engine.outlet_slug)  # each bad filter left out, and why
    shared, choices = resolve_people(search_engine, shared, left_out)
    problems += left_out + [f"“{choice['typed']}” cocok dengan beberapa orang ("
                            f"{'; '.join(p['name'] for p in choice['people'][:5])}); filter orang itu diabaikan."
                            for choice in choices]
    if "person" in params:
        params["person"] = list(shared.people)
    series, svg = [], None
    if typed:
        try:
            requests = parse_compared({**params, "q": typed}, search_engine.outlet_slug)
            found = search_engine.timelines(requests, interval)
        except QueryError as error:
            problems.append(problem_message(error, {**params, "q": typed}, search_engine.outlet_slug))
            found = []
        except IntervalError as error:
            problems.append(interval_problem(error))
            interval = "auto"
            found = search_engine.timelines(requests, interval)
        series = [{"query": r.q, "colour": n, "search_url": r.url(SEARCH_PATH),
                   **timeline_dict(t, r, total, SEARCH_PATH)} for n, (r, total, t) in enumerate(found)]
        if series and series[0]["buckets"]:
            svg = compare_svg(series, series[0]["interval"], scale)
    chosen = series[0]["interval"] if series else "auto"
    here = with_params(request.full_path.rstrip("?"), interval=interval)  # the interval drawn, not a bad one
    rows = [{"label": period_label(bucket, chosen), "cells": [one["buckets"][n] for one in series]}
            for n, bucket in enumerate(series[0]["buckets"])] if svg else []
    return render_template(
        "compare.html", series=series, svg=svg, rows=rows, problems=problems,
        slots=typed + [""] * (MAX_COMPARED - len(typed)), params=params,
        intervals=interval_switch(found[0][2], lambda value: with_params(here, interval=value)) if svg else [],
        scales=[{"label": label, "selected": value == scale, "url": with_params(here, skala=value)}
                for value, label in SCALES.items()]), 400 if problems else 200


@blueprint.get("/tokoh/<slug>")
def person_page(slug: str):
    if (known := person_known_as(slug)) is not None:
        return redirect(url_for("monitor.person_page", slug=known), 301)
    name = engine().person_named(slug)
    if name is None:
        return error_page(404, "Tokoh tidak ditemukan", "Tidak ada orang dengan alamat ini di indeks.")
    found = profile(SearchRequest(people=(name,)))
    return render_template("profile.html", title=name, kind="Tokoh", aliases=aliases_of(name), profile=found,
                           svg=attention_svg(found["timeline"], "count") if found["timeline"] and
                           found["timeline"]["buckets"] else None)


@blueprint.get("/media/<slug>")
def outlet_page(slug: str):
    named = engine().outlet_slug(slug)  # a slug the outlet had before the outlet table knew it: moved
    if named is not None and named != slug:
        query = request.query_string.decode("ascii", "replace")
        return redirect(url_for("monitor.outlet_page", slug=named) + (f"?{query}" if query else ""), 301)
    if named is None:
        return error_page(404, "Media tidak ditemukan", "Tidak ada outlet dengan alamat ini.")
    name = next((o["name"] for o in engine().outlets() if o["slug"] == slug), slug)
    found = profile(SearchRequest(outlets=(slug,)))
    return render_template("profile.html", title=name, kind="Media", aliases=[], profile=found,
                           svg=attention_svg(found["timeline"], "count") if found["timeline"] and
                           found["timeline"]["buckets"] else None)
