"""The package's layering: each module imports only from its own stage or the stages below it, and no
two modules import each other, directly or through others (function-level imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "searchapp"
# Lowest first: a module may import from its own stage and every stage before it.
STAGES = [
    {"searchapp", "searchapp.errors", "searchapp.config", "searchapp.yaml_files", "searchapp.stemmer"},
    {"searchapp.extract"},
    {"searchapp.ingest"},
    {"searchapp.documents"},
    {"searchapp.index"},
    {"searchapp.search"},
    {"searchapp.web"},
    {"searchapp.evaluate", "searchapp.bench"},
    {"searchapp.cli"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int:
    for rank, stage in enumerate(STAGES):
        if module in stage or any(module.startswith(prefix + ".") for prefix in stage - {"searchapp"}):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def imports_of(path: Path) -> set[str]:
    """The searchapp modules *path* imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("searchapp"):
            assert node.level == 0, f"{path}: relative import"
            for alias in node.names:  # `from searchapp.web import api` imports a module
                child = f"{node.module}.{alias.name}"
                found.add(child if (PACKAGE.parent / child.replace(".", "/")).with_suffix(".py").exists()
                          else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("searchapp")}
    return found


GRAPH = {module_name(path): imports_of(path) for path in PACKAGE.rglob("*.py")}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_from_a_stage_above(module):
    above = sorted(m for m in GRAPH[module] if stage_of(m) > stage_of(module))
    assert not above, f"{module} (stage {stage_of(module)}) imports from above: {above}"


def test_no_import_cycles():
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH.get(module, ())):
            if target == module or target not in GRAPH:
                continue
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])


def test_the_checks_see_a_violation():
    """The graph is read right: a known downward import is there, and a made-up upward one is caught."""
    assert "searchapp.index.whoosh27" in GRAPH["searchapp.search.matching"]
    assert stage_of("searchapp.web.api") > stage_of("searchapp.search.engine")
