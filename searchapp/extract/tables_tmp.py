"""Loading and validating the YAML tables of config/ (shared by outlets and people)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from searchapp.errors import ConfigError

# A field is either a plain string ("str") or a list of strings ("list").
Schema = dict[str, str]


def load_entries(
    path: str | Path, top_key: str, schema: Schema, required: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Read ``path`` as ``{top_key: [entry, ...]}`` and check every entry against ``schema``.

    Missing list fields become empty lists. Any problem raises :class:`ConfigError` naming the key.
    """
    path = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        raise ConfigError(path, "file not found") from None
    except OSError as exc:
        raise ConfigError(path, f"cannot read file: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise ConfigError(path, f"invalid YAML{where}") from None
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
