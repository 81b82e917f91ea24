"""Sources are layered lexicon -> names -> grammar -> decision -> resolution: each layer imports only
the layers below it (read from the modules' import statements, not from a list kept here)."""
from __future__ import annotations

import ast
from pathlib import Path

import kabar.enrich.sources as pkg

LAYERS = ["lexicon", "names", "grammar", "decision", "resolution"]
DIR = Path(pkg.__file__).parent


def _imported_layers(layer: str, where: Path = DIR) -> set[str]:
    tree = ast.parse((where / f"{layer}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level:  # relative import: `from .names import X`, `from . import names`
                names = [mod.split(".")[0]] if mod else [a.name for a in node.names]
            elif mod.startswith("kabar.enrich.sources."):
                names = [mod.split(".")[3]]
            elif mod == "kabar.enrich.sources":
                names = [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[3] for a in node.names if a.name.startswith("kabar.enrich.sources.")]
        found |= {n for n in names if n in LAYERS}
    return found


def test_the_package_holds_exactly_the_layers():
    assert sorted(p.stem for p in DIR.glob("*.py") if p.stem != "__init__") == sorted(LAYERS)


def test_each_layer_imports_only_layers_below_it():
    for i, layer in enumerate(LAYERS):
        above = _imported_layers(layer) - set(LAYERS[:i])
        assert not above, f"sources/{layer}.py imports {sorted(above)}, a layer at or above it"


def test_the_check_sees_an_upward_import(tmp_path):
    (tmp_path / "lexicon.py").write_text("from kabar.enrich.sources.grammar import Grammar\nfrom . import names\n")
    assert _imported_layers("lexicon", tmp_path) == {"grammar", "names"}
