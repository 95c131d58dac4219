"""The one reader of the YAML files in `config/`: strict (a key given twice is an error), every problem a
ConfigError naming the file, line and key; the tables (outlets, people) and the stopword list checked
entry by entry. `searchapp.config` validates the settings file on top of it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from searchapp.errors import ConfigError


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but a key given twice in one mapping is an error (PyYAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[Any] = set()
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Any:
    """The parsed YAML of *path*, or a ConfigError saying why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, f"cannot be read ({error})") from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(path, f"invalid YAML{where}: {problem}") from None


def load_stopwords(path: Path) -> frozenset[str]:
    """The stopword list of ``config/stopwords.yaml`` (key ``stopwords``: a list of words)."""
    data = read_yaml(path)
    if not isinstance(data, Mapping) or set(data) != {"stopwords"}:
        raise ConfigError(path, "must be a mapping with the single key 'stopwords'")
    words = data["stopwords"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ConfigError(path, "must be a list of words", "stopwords")
    return frozenset(w.lower() for w in words)


# A field of a table entry is either a plain string ("str") or a list of strings ("list").
Schema = dict[str, str]


def load_entries(
    path: str | Path, top_key: str, schema: Schema, required: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Read ``path`` as ``{top_key: [entry, ...]}`` and check every entry against ``schema``.

    Missing list fields become empty lists. Any problem raises :class:`ConfigError` naming the key.
    """
    data = read_yaml(Path(path))
    if not isinstance(data, dict):
        raise ConfigError(path, f"expected a mapping with a '{top_key}' list at the top")
    for key in data:
        if key != top_key:
            raise ConfigError(path, "unknown key", str(key))
    entries = data.get(top_key)
    if not isinstance(entries, list):
        raise ConfigError(path, "expected a list", top_key)
    out = []
    for i, entry in enumerate(entries):
        where = f"{top_key}[{i}]"
        if not isinstance(entry, dict):
            raise ConfigError(path, "expected a mapping", where)
        for key in entry:
            if key not in schema:
                raise ConfigError(path, "unknown key", f"{where}.{key}")
        for key in required:
            if key not in entry:
                raise ConfigError(path, "missing required key", f"{where}.{key}")
        clean: dict[str, Any] = {}
        for key, kind in schema.items():
            value = entry.get(key)
            if kind == "str":
                if key in entry and (not isinstance(value, str) or not value.strip()):
                    raise ConfigError(path, "expected a non-empty string", f"{where}.{key}")
                clean[key] = value.strip() if isinstance(value, str) else None
            else:
                value = [] if value is None else value
                if not isinstance(value, list):
                    raise ConfigError(path, "expected a list of strings", f"{where}.{key}")
                for j, item in enumerate(value):
                    if not isinstance(item, str) or not item.strip():
                        raise ConfigError(path, "expected a non-empty string", f"{where}.{key}[{j}]")
                clean[key] = [item.strip() for item in value]
        out.append(clean)
    return out
