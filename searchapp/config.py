"""Configuration: the one loader of every YAML file in `config/`, validated; `searchapp.yaml`
overridable by environment variables and flags.

Precedence, lowest first: built-in defaults, the YAML file, ``SEARCHAPP_*`` environment variables,
command-line flags. Every key of the file has an environment variable named after its path:
``server.port`` is ``SEARCHAPP_SERVER_PORT``, ``corpus`` is ``SEARCHAPP_CORPUS``. Relative paths in the
file are relative to the file's own folder; relative paths from the environment or flags are relative to
the current directory.
"""

from __future__ import annotations

import copy
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from searchapp.errors import ConfigError
from searchapp.yaml_files import load_stopwords, read_yaml

DEFAULT_CONFIG = Path("config") / "searchapp.yaml"
CHECKOUT_CONFIG = Path(__file__).resolve().parents[1] / DEFAULT_CONFIG
ENV_PREFIX = "SEARCHAPP_"

# The shape of the file: every key with its default; the default's type is the key's type.
DEFAULTS: dict[str, Any] = {
    "corpus": "../corpus",
    "index": "../index",
    "outlets_file": "outlets.yaml",
    "people_file": "people.yaml",
    "stopwords_file": "stopwords.yaml",
    "boilerplate_file": "boilerplate.yaml",
    "analysis": {
        "stemming": True,
        "stem_exclusions": [],
    },
    "ranking": {
        "title_boost": 2.0,
        "exact_boost": 0.5,
    },
    "search": {
        "posting_cache_mb": 32,  # decoded posting lists kept between searches, per process
        "partial_below": 10,  # fewer complete matches of a plain query than this: partial ones follow
    },
    "indexing": {
        "workers": 0,  # 0: one per core
        "batch_size": 200,
        "writer_mb": 256,  # each writer's posting pool: postings past it are sorted runs merged at the end
    },
    "server": {
        "host": "127.0.0.1",
        "port": 8080,
        "threads": 8,
        "workers": 0,  # processes; 0 = one per core
        "timeout": 60,  # seconds a worker may go without progress before it is replaced
        "drain": 30,  # seconds a stopping worker has to finish the requests it holds
    },
    "cluster": {
        "address": "",  # a Ray cluster's head (host:port): search the shards there ("": on this machine)
        "replicas": 2,  # searchers of each shard, on different nodes where there are several
        "timeout": 10.0,  # seconds a shard's replica may take to answer before the other one is asked
    },
}
PATH_KEYS = ("corpus", "index", "outlets_file", "people_file", "stopwords_file", "boilerplate_file")
# Inclusive bounds of numeric settings (the others: not negative).
BOUNDS: dict[str, tuple[float, float]] = {
    "ranking.title_boost": (0.0, 100.0),
    "ranking.exact_boost": (0.0, 100.0),
    "search.posting_cache_mb": (0, 65536),
    "search.partial_below": (0, 1000),
    "indexing.workers": (0, 256),
    "indexing.batch_size": (1, 100_000),
    "indexing.writer_mb": (1, 65536),
    "server.port": (1, 65535),
    "server.threads": (1, 1024),
    "server.workers": (0, 256),
    "server.timeout": (1, 3600),
    "server.drain": (0, 3600),
    "cluster.replicas": (1, 16),
    "cluster.timeout": (0.1, 600.0),
}


@dataclass(frozen=True)
class Settings:
    """Validated configuration, with every path absolute."""

    config_path: Path
    corpus: Path
    index: Path
    outlets_file: Path
    people_file: Path
    stopwords_file: Path
    boilerplate_file: Path
    stemming: bool
    stem_exclusions: tuple[str, ...]
    title_boost: float
    exact_boost: float
    posting_cache_mb: int
    partial_below: int
    workers: int
    batch_size: int
    writer_mb: int
    host: str
    port: int
    threads: int
    server_workers: int
    server_timeout: int
    drain_seconds: int
    cluster: str = ""
    replicas: int = 2
    shard_timeout: float = 10.0

    def load_stopwords(self) -> frozenset[str]:
        return load_stopwords(self.stopwords_file)


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a mapping"}[type(value)]


def _check(value: Any, default: Any, path: Path, key: str) -> Any:
    """*value* converted to the type of *default*, or a ConfigError naming *key*."""
    if isinstance(default, dict):
        if not isinstance(value, Mapping):
            raise ConfigError(path, f"must be a mapping, not {value!r}", key)
        return _merge(default, value, path, key + ".")
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(path, f"must be true or false, not {value!r}", key)
        return value
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(path, "must be a list of strings", key)
        return value
    if type(value) is not type(default):
        raise ConfigError(path, f"must be {_type_name(default)}, not {value!r}", key)
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(path, f"must be a finite number, not {value!r}", key)
    if isinstance(value, (int, float)):
        low, high = BOUNDS.get(key, (0, math.inf))
        if not low <= value <= high:
            bound = f"at least {low}" if high == math.inf else f"between {low} and {high}"
            raise ConfigError(path, f"must be {bound}, not {value!r}", key)
    return value


def _merge(defaults: dict, given: Mapping, path: Path, prefix: str = "") -> dict:
    merged = copy.deepcopy(defaults)
    for key, value in given.items():
        if key not in defaults:
            known = ", ".join(prefix + k for k in defaults)
            raise ConfigError(path, f"unknown setting (known: {known})", prefix + str(key))
        merged[key] = _check(value, defaults[key], path, prefix + key)
    return merged


def env_name(dotted: str) -> str:
    """The environment variable of a setting: ``server.port`` → ``SEARCHAPP_SERVER_PORT``."""
    return ENV_PREFIX + dotted.replace(".", "_").upper()


def _env_names(defaults: dict, prefix: str = "") -> dict[str, str]:
    """Every setting's environment variable, to its dotted key."""
    names: dict[str, str] = {}
    for key, default in defaults.items():
        if isinstance(default, dict):
            names.update(_env_names(default, prefix + key + "."))
        else:
            names[env_name(prefix + key)] = prefix + key
    return names


def _env_overrides(defaults: dict, environ: Mapping[str, str], prefix: str = "") -> dict:
    """Settings given as ``SEARCHAPP_SECTION_KEY`` environment variables, parsed as YAML scalars."""
    found: dict[str, Any] = {}
    for key, default in defaults.items():
        dotted = prefix + key
        if isinstance(default, dict):
            nested = _env_overrides(default, environ, dotted + ".")
            if nested:
                found[key] = nested
            continue
        name = env_name(dotted)
        if name in environ:
            raw = environ[name]
            if isinstance(default, str):
                found[key] = raw
            elif isinstance(default, list):
                found[key] = [item.strip() for item in raw.split(",") if item.strip()]
            else:
                try:
                    found[key] = yaml.safe_load(raw)
                except yaml.YAMLError:
                    found[key] = raw
    return found


def load_settings(config_path: str | os.PathLike | None = None, overrides: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Read and validate the configuration.

    *config_path*: the file (default: ``$SEARCHAPP_CONFIG``, else ``config/searchapp.yaml`` of the current
    folder, else of the checkout searchapp runs from); *overrides*:
    values from command-line flags, by dotted key (``{"corpus": "x", "server.port": 9000}``), ``None``
    values ignored.
    """
    environ = os.environ if environ is None else environ
    explicit = config_path or environ.get("SEARCHAPP_CONFIG")
    path = Path(explicit or DEFAULT_CONFIG).expanduser()
    if not explicit and not path.exists() and CHECKOUT_CONFIG.exists():
        path = CHECKOUT_CONFIG  # run outside the project folder: the configuration of the checkout
    if path.exists() or explicit:
        given = read_yaml(path)
        if given is None:
            given = {}
        if not isinstance(given, Mapping):
            raise ConfigError(path, "must hold a mapping of settings at the top level")
    else:
        given = {}  # no file: the defaults, relative to ./config as if the file were there
    base = path.resolve().parent
    settings = _merge(DEFAULTS, given, path)

    extra_paths: dict[str, Path] = {}
    known_names = _env_names(DEFAULTS)
    unknown = sorted(name for name in environ
                     if name.startswith(ENV_PREFIX) and name not in known_names and name != "SEARCHAPP_CONFIG")
    if unknown:
        raise ConfigError("<environment>", f"unknown variable (known: SEARCHAPP_CONFIG, {', '.join(known_names)})",
                          unknown[0])
    env = _env_overrides(DEFAULTS, environ)
    flags = _unflatten({k: v for k, v in (overrides or {}).items() if v is not None})
    for source, source_name in ((env, "environment"), (flags, "command line")):
        try:
            settings = _merge(settings, source, Path(f"<{source_name}>"))
        except ConfigError as error:
            if source is not env or error.key is None:
                raise
            raise ConfigError("<environment>", error.message, env_name(error.key)) from None
        for key in PATH_KEYS:
            if key in source:
                extra_paths[key] = Path(source[key]).expanduser().resolve()

    def resolve(key: str) -> Path:
        return extra_paths.get(key) or (base / Path(settings[key]).expanduser()).resolve()

    return Settings(
        config_path=path.resolve(),
        corpus=resolve("corpus"),
        index=resolve("index"),
        outlets_file=resolve("outlets_file"),
        people_file=resolve("people_file"),
        stopwords_file=resolve("stopwords_file"),
        boilerplate_file=resolve("boilerplate_file"),
        stemming=settings["analysis"]["stemming"],
        stem_exclusions=tuple(w.lower() for w in settings["analysis"]["stem_exclusions"]),
        title_boost=settings["ranking"]["title_boost"],
        exact_boost=settings["ranking"]["exact_boost"],
        posting_cache_mb=settings["search"]["posting_cache_mb"],
        partial_below=settings["search"]["partial_below"],
        workers=settings["indexing"]["workers"] or (os.cpu_count() or 1),
        batch_size=settings["indexing"]["batch_size"],
        writer_mb=settings["indexing"]["writer_mb"],
        host=settings["server"]["host"],
        port=settings["server"]["port"],
        threads=settings["server"]["threads"],
        server_workers=settings["server"]["workers"] or (os.cpu_count() or 1),
        server_timeout=settings["server"]["timeout"],
        drain_seconds=settings["server"]["drain"],
        cluster=settings["cluster"]["address"],
        replicas=settings["cluster"]["replicas"],
        shard_timeout=settings["cluster"]["timeout"],
    )


def _unflatten(flat: Mapping[str, Any]) -> dict:
    nested: dict[str, Any] = {}
    for dotted, value in flat.items():
        node = nested
        *parents, last = dotted.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return nested
