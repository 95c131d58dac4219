"""The search page's reading of its parameters: lenient where the API is strict.

A bad parameter is left out and the page says why, in Indonesian, instead of refusing the whole search;
a person typed in the filter is resolved as autocomplete resolves it, several people offered as choices.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from searchapp.errors import QueryError
from searchapp.extract.outlet import UNKNOWN_OUTLET
from searchapp.search.query_dates import date_span
from searchapp.search.request import (
    DEFAULT_PER_PAGE,
    MAX_FILTER_VALUES,
    MAX_PAGE,
    MAX_PER_PAGE,
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    MAX_WORD_CHARS,
    SearchRequest,
    parse_search_params,
)

SEARCH_PATH = "/cari"
SEARCH_PARAMS = ("q", "outlet", "rubrik", "person", "from", "to", "sort", "page", "per_page", "collapse")


def _quote(value: str, limit: int = 60) -> str:
    value = value.strip()
    return f"“{value[:limit]}{'…' if len(value) > limit else ''}”"


def problem_message(problem: QueryError, params: Mapping[str, Sequence[str]],
                    outlet_slug: Callable[[str], str | None]) -> str:
    """The QueryError of a search parameter, said in Indonesian for the page."""
    name = problem.param
    values = [v for v in params.get(name) or [] if v is not None]
    if len({v for v in values if v.strip()}) > MAX_FILTER_VALUES:
        return f"Terlalu banyak nilai “{name}” (maksimal {MAX_FILTER_VALUES}); filter itu diabaikan."
    if len({v.strip() for v in values}) > 1 and name not in ("outlet", "person"):
        return f"Parameter “{name}” diberikan lebih dari sekali dengan nilai berbeda; parameter diabaikan."
    raw = values[0] if values else ""
    if name == "q" and problem.code == "reversed_range":
        return ("Rentang tanggal dalam kueri berakhir sebelum dimulai; tulis tanggal yang lebih awal dahulu. "
                "Kueri diabaikan.")
    if name == "q" and problem.code == "invalid_date":
        return ("Tanggal dalam kueri tidak ada di kalender; tulis tanggal:2022, tanggal:2022-02, "
                "tanggal:2022-02-24 atau tanggal:24/02/2022. Kueri diabaikan.")
    if name == "q":
        return (f"Kueri terlalu panjang (maksimal {MAX_QUERY_CHARS} karakter, {MAX_QUERY_WORDS} kata, "
                f"{MAX_WORD_CHARS} karakter per kata); kueri diabaikan.")
    if name == "outlet":
        unknown = [v for v in values
                   if v.strip() and v.strip() != UNKNOWN_OUTLET and outlet_slug(v.strip()) is None]
        return f"Outlet {_quote(unknown[0] if unknown else raw)} tidak dikenal; filter outlet itu diabaikan."
    if name == "person":
        return "Nama orang terlalu panjang (maksimal 200 karakter); filter orang diabaikan."
    if name == "rubrik":
        return "Nama rubrik terlalu panjang (maksimal 100 karakter); filter rubrik diabaikan."
    if name in ("from", "to"):
        label = "awal" if name == "from" else "akhir"
        if not raw.strip(" \t").isprintable() or date_span(raw.strip(" \t")) is None:
            return (f"Tanggal {label} {_quote(raw)} tidak valid. Tulis tanggal sebagai hari/bulan/tahun, "
                    f"misalnya 24/02/2022; filter tanggal {label} diabaikan.")
        return "Tanggal awal jatuh setelah tanggal akhir; filter tanggal diabaikan."
    if name == "sort":
        return f"Urutan {_quote(raw)} tidak dikenal; hasil diurutkan menurut relevansi."
    if name == "page":
        return f"Nomor halaman {_quote(raw)} tidak valid (1 sampai {MAX_PAGE}); halaman 1 ditampilkan."
    if name == "per_page":
        return (f"Jumlah hasil per halaman {_quote(raw)} tidak valid (1 sampai {MAX_PER_PAGE}); "
                f"{DEFAULT_PER_PAGE} hasil per halaman ditampilkan.")
    return f"Parameter “{name}” tidak valid dan diabaikan."


def reversed_dates(params: Mapping[str, Sequence[str]]) -> bool:
    """Both dates are valid, so the problem with them is their order."""
    dates = [(params.get(name) or [""])[0].strip(" \t") for name in ("from", "to")]
    return all(dates) and all(date_span(d) is not None for d in dates)


def parse_leniently(params: dict[str, list[str]],
                    outlet_slug: Callable[[str], str | None]) -> tuple[SearchRequest, list[str]]:
    """The search request of *params*, leaving out each bad parameter (and saying why, in Indonesian)."""
    problems: list[str] = []
    for _attempt in range(len(SEARCH_PARAMS) + 1):
        try:
            return parse_search_params(params, outlet_slug), problems
        except QueryError as problem:
            problems.append(problem_message(problem, params, outlet_slug))
            if problem.param == "outlet":
                known = [v for v in params.get("outlet", [])
                         if v.strip() == UNKNOWN_OUTLET or (v.strip() and outlet_slug(v.strip()) is not None)]
                if known == params.get("outlet"):
                    params.pop("outlet", None)
                else:
                    params["outlet"] = known
            elif problem.param == "from" and reversed_dates(params):
                params.pop("from")
                params.pop("to")
            elif problem.param in params:
                params.pop(problem.param)
            else:
                break
    return SearchRequest(), problems


def resolve_people(search_engine, search: SearchRequest, problems: list[str]) -> tuple[SearchRequest, list[dict]]:
    """The request with each typed person resolved as autocomplete resolves it (`putin` → Vladimir Putin);
    a name that names several people is left out of the search and offered as choices, one that names
    nobody is left out with a notice in *problems*."""
    resolved, choices = [], []
    for typed in search.people:
        found = search_engine.person_choices(typed)
        if len(found) == 1:
            resolved.append(found[0])
        elif found:
            others = tuple(p for p in search.people if p != typed)
            choices.append({"typed": typed, "people": [
                {"name": name, "url": search.with_(people=others + (name,), page=1).url(SEARCH_PATH)}
                for name in found]})
        else:
            problems.append(f"Tidak ada orang bernama {_quote(typed)} di indeks; filter orang itu diabaikan.")
    return search.with_(people=tuple(dict.fromkeys(resolved))), choices


