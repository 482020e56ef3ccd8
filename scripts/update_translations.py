#!/usr/bin/env python3
"""Extract, merge and compile the UI's translations.

    python scripts/update_translations.py            # update the .ts files, then compile .qm
    python scripts/update_translations.py --check    # report what is missing; exit 1 if any
    python scripts/update_translations.py --export-untranslated todo.json
    python scripts/update_translations.py --apply done.json   # {context: {source: text}}

Sources: every ``ui/**/*.py`` (``self.tr()``, ``QCoreApplication.translate()``,
``QT_TRANSLATE_NOOP()``) through ``pyside6-lupdate``, plus the user-facing error messages of
the Qt-free packages. Those mark their templates with ``QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT,
...)`` (a variable, which lupdate cannot follow) or assign a plain ``message = "..."`` in a
``LedgerError`` subclass; an AST pass collects them and hands them to lupdate as a generated
stub in the context ``LedgerError``. Existing translations are kept (lupdate merges), strings
gone from the code are dropped, ``jcdesk_en.ts`` is filled with the identity translation, and
``pyside6-lrelease`` compiles both. Run it again whenever ``tr()`` strings change, and commit
the ``.ts`` and ``.qm`` files (``tests/ui/test_i18n.py`` fails when they are stale).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
CATALOGUE = "jcdesk"
LANGUAGES = ("zh_CN", "en")
SOURCE_LANGUAGE = "en"
CORE_CONTEXT = "LedgerError"
CORE_PACKAGES = ("ledger", "chain_client", "desk", "casework", "mediation", "bankruptcy")
CORE_BASES = {"LedgerError"}


def ts_path(language: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{CATALOGUE}_{language}.qm"


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside this Python, or on the PATH."""
    here = Path(sys.executable).parent / name
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the Qt translation tools)")
    return found


# -- sources ----------------------------------------------------------------------------------


def ui_sources(root: Path = ROOT) -> list[Path]:
    files = sorted((root / "ui").rglob("*.py"))
    if (root / "main.py").exists():
        files.append(root / "main.py")
    return [f for f in files if "__pycache__" not in f.parts]


def _core_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for package in CORE_PACKAGES:
        folder = root / package
        if folder.is_dir():
            files.extend(sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts))
    return files


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


@dataclass(frozen=True)
class CoreMessage:
    context: str
    text: str
    where: str


@dataclass
class _Module:
    name: str
    where: str
    tree: ast.Module
    constants: dict[str, str]
    imports: dict[str, tuple[str, str]]  # local name -> (module, name)
    wrappers: dict[str, tuple[str, int]]  # function -> (context, index of the text argument)


def _parse_modules(root: Path, files: Iterable[Path]) -> dict[str, _Module]:
    modules: dict[str, _Module] = {}
    for path in files:
        try:
            tree = ast.parse(path.read_text("utf-8"), str(path))
        except (SyntaxError, UnicodeDecodeError) as exc:
            print(f"warning: {path} skipped: {exc}", file=sys.stderr)
            continue
        parts = list(path.relative_to(root).with_suffix("").parts)
        package = parts[:-1]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        constants: dict[str, str] = {}
        imports: dict[str, tuple[str, str]] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and _string(node.value) is not None:
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        constants[target.id] = _string(node.value) or ""
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package[: len(package) - node.level + 1]
                    base = ".".join([*anchor, *([base] if base else [])])
                for alias in node.names:
                    imports[alias.asname or alias.name] = (base, alias.name)
        name = ".".join(parts)
        modules[name] = _Module(
            name, path.relative_to(root).as_posix(), tree, constants, imports, {}
        )
    return modules


def _resolve(modules: dict[str, _Module], module: _Module, name: str, depth: int = 0) -> str | None:
    """A module-level string constant, followed through ``from x import NAME`` (as ALIAS)."""
    if name in module.constants:
        return module.constants[name]
    origin = module.imports.get(name)
    if origin is None or depth > 8 or origin[0] not in modules:
        return None
    return _resolve(modules, modules[origin[0]], origin[1], depth + 1)


def _context(modules: dict[str, _Module], module: _Module, node: ast.AST) -> str | None:
    text = _string(node)
    if text is not None:
        return text
    if isinstance(node, ast.Name):
        return _resolve(modules, module, node.id)
    if isinstance(node, ast.Attribute):
        return _resolve(modules, module, node.attr)
    return None


def _find_wrappers(modules: dict[str, _Module]) -> None:
    """``def _tr(text): return QCoreApplication.translate(CONTEXT, text)`` and the like."""
    for module in modules.values():
        for node in module.tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            params = [a.arg for a in node.args.args]
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Return)
                    and isinstance(inner.value, ast.Call)
                    and _call_name(inner.value) == "translate"
                    and len(inner.value.args) >= 2
                    and isinstance(inner.value.args[1], ast.Name)
                    and inner.value.args[1].id in params
                ):
                    context = _context(modules, module, inner.value.args[0])
                    if context:
                        index = params.index(inner.value.args[1].id)
                        module.wrappers[node.name] = (context, index)


def _wrapper(modules: dict[str, _Module], module: _Module, name: str) -> tuple[str, int] | None:
    if name in module.wrappers:
        return module.wrappers[name]
    origin = module.imports.get(name)
    if origin is not None and origin[0] in modules:
        return modules[origin[0]].wrappers.get(origin[1])
    return None


def ast_messages(root: Path = ROOT) -> list[CoreMessage]:
    """The strings lupdate cannot see, in file order.

    - In the Qt-free packages: ``QT_TRANSLATE_NOOP(CONTEXT, "...")`` (lupdate only reads
      ``.py`` files we give it, and only literal contexts), and a plain ``message = "..."`` in
      a ``LedgerError`` subclass (context ``LedgerError``, as ``ui.i18n.error_text`` asks).
    - Everywhere (``ui`` too): a context given as a module constant, also an imported one
      (``QCoreApplication.translate(CONTEXT, "...")``), and calls of one-line wrappers such as
      ``def _tr(text): return QCoreApplication.translate(CONTEXT, text)``.
    """
    files = _core_files(root) + [p for p in ui_sources(root) if p.name != "main.py"]
    modules = _parse_modules(root, files)
    _find_wrappers(modules)

    # Which classes are LedgerError subclasses, following base names across the packages.
    bases: dict[str, set[str]] = {}
    for module in modules.values():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
                bases.setdefault(node.name, set()).update(names)
    errors = set(CORE_BASES)
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in errors and parents & errors:
                errors.add(name)
                grew = True

    found: list[CoreMessage] = []
    for module in modules.values():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call):
                name = _call_name(node)
                if name in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "translate"):
                    if len(node.args) >= 2:
                        context = _context(modules, module, node.args[0])
                        text = _string(node.args[1])
                        if context and text is not None:
                            found.append(
                                CoreMessage(context, text, f"{module.where}:{node.lineno}")
                            )
                elif isinstance(node.func, ast.Name):
                    wrapper = _wrapper(modules, module, node.func.id)
                    if wrapper is not None and len(node.args) > wrapper[1]:
                        text = _string(node.args[wrapper[1]])
                        if text is not None:
                            found.append(
                                CoreMessage(wrapper[0], text, f"{module.where}:{node.lineno}")
                            )
            elif isinstance(node, ast.ClassDef) and node.name in errors:
                for item in node.body:
                    targets = (
                        item.targets
                        if isinstance(item, ast.Assign)
                        else [item.target]
                        if isinstance(item, ast.AnnAssign)
                        else []
                    )
                    text = _string(getattr(item, "value", None))
                    if text is not None and any(
                        isinstance(t, ast.Name) and t.id == "message" for t in targets
                    ):
                        found.append(
                            CoreMessage(CORE_CONTEXT, text, f"{module.where}:{item.lineno}")
                        )
    unique: dict[tuple[str, str], CoreMessage] = {}
    for message in found:
        unique.setdefault((message.context, message.text), message)
    return list(unique.values())


core_messages = ast_messages  # the name the first version had


def write_core_stub(messages: Iterable[CoreMessage], path: Path) -> None:
    lines = [
        "# Generated by scripts/update_translations.py for pyside6-lupdate: do not edit.",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    for message in messages:
        lines.append(f"# {message.where}")
        lines.append(
            "QT_TRANSLATE_NOOP("
            f"{json.dumps(message.context, ensure_ascii=False)}, "
            f"{json.dumps(message.text, ensure_ascii=False)})"
        )
    path.write_text("\n".join(lines) + "\n", "utf-8")


# -- the .ts files ----------------------------------------------------------------------------


def lupdate(ts_files: dict[str, Path], root: Path = ROOT) -> None:
    """Extract every source string into ``ts_files`` ({language: path}), merging."""
    with tempfile.TemporaryDirectory(prefix="jcdesk-lupdate-") as tmp:
        stub = Path(tmp) / "core_messages.py"
        write_core_stub(ast_messages(root), stub)
        sources = [str(p) for p in ui_sources(root)] + [str(stub)]
        for language, ts in ts_files.items():
            ts.parent.mkdir(parents=True, exist_ok=True)
            command = [
                tool("pyside6-lupdate"),
                "-silent",
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                SOURCE_LANGUAGE,
                "-target-language",
                language,
                *sources,
                "-ts",
                str(ts),
            ]
            subprocess.run(command, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True)


@dataclass
class Message:
    context: str
    source: str
    comment: str
    translations: list[str]
    kind: str  # "" (finished), "unfinished", "vanished", "obsolete"
    numerus: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts, kind = [""], "unfinished"
            else:
                kind = translation.get("type", "")
                if numerus:
                    texts = [f.text or "" for f in translation.iter("numerusform")]
                else:
                    texts = [translation.text or ""]
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    texts,
                    kind,
                    numerus,
                )
            )
    return messages


def _write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def fill(path: Path, translate: dict[tuple[str, str], str] | None) -> int:
    """Set translations in ``path``: from ``translate`` ({(context, source): text}), or the
    identity translation when ``translate`` is None. Returns how many messages changed."""
    tree = ET.parse(path)
    changed = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            text = source if translate is None else translate.get((name, source))
            if text is None:
                continue
            forms = list(translation.iter("numerusform"))
            if message.get("numerus") == "yes":
                for form in forms or [ET.SubElement(translation, "numerusform")]:
                    form.text = text
            else:
                translation.text = text
            if "type" in translation.attrib or translate is not None:
                translation.attrib.pop("type", None)
                changed += 1
    _write_ts(tree, path)
    return changed


# -- checks -----------------------------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    """``{name}`` fields of a ``str.format`` template, plus Qt's ``%n``/``%1`` markers."""
    fields: set[str] = set()
    try:
        for _, field, _, _ in string.Formatter().parse(text):
            if field is not None:
                fields.add("{" + field + "}")
    except ValueError:
        fields.add("<unbalanced braces>")
    for index, ch in enumerate(text[:-1]):
        if ch == "%" and (text[index + 1] == "n" or text[index + 1].isdigit()):
            fields.add(text[index : index + 2])
    return fields


def extracted_keys(root: Path = ROOT) -> set[tuple[str, str, str]]:
    """What the code asks to translate now (a fresh extraction into a temporary file)."""
    with tempfile.TemporaryDirectory(prefix="jcdesk-extract-") as tmp:
        ts = Path(tmp) / f"{CATALOGUE}_zh_CN.ts"
        lupdate({"zh_CN": ts}, root)
        return {m.key for m in read_ts(ts)}


def problems(root: Path = ROOT, folder: Path = TS_DIR) -> list[str]:
    """Everything that keeps the committed translations from matching the code."""
    found: list[str] = []
    wanted = extracted_keys(root)
    for language in LANGUAGES:
        ts = ts_path(language, folder)
        if not ts.exists():
            found.append(f"{ts.name}: missing")
            continue
        messages = [m for m in read_ts(ts) if m.kind not in ("vanished", "obsolete")]
        have = {m.key for m in messages}
        for context, source, _ in sorted(wanted - have):
            found.append(f"{ts.name}: not extracted yet: [{context}] {source!r}")
        for message in messages:
            label = f"{ts.name}: [{message.context}] {message.source!r}"
            if message.kind == "unfinished" or not all(t.strip() for t in message.translations):
                found.append(f"{label}: unfinished")
                continue
            expected = placeholders(message.source)
            for text in message.translations:
                got = placeholders(text)
                if message.numerus:
                    expected, got = expected - {"%n"}, got - {"%n"}
                if got != expected:
                    found.append(
                        f"{label}: placeholders {sorted(got)} differ from {sorted(expected)}"
                    )
        qm = qm_path(language, folder)
        if not qm.exists():
            found.append(f"{qm.name}: missing")
        else:
            with tempfile.TemporaryDirectory(prefix="jcdesk-lrelease-") as tmp:
                fresh = Path(tmp) / qm.name
                stale = qm_differences(ts, qm, fresh)
            for line in stale[:20]:
                found.append(f"{qm.name}: out of date with {ts.name} (run this script): {line}")
    return found


def qm_differences(ts: Path, qm: Path, fresh: Path) -> list[str]:
    """Compile ``ts`` into ``fresh`` and say where ``qm`` answers differently.

    Identical bytes settle it at once; otherwise (another Qt version's lrelease may lay the
    file out differently) both files are loaded and asked for every message of ``ts``."""
    lrelease(ts, fresh)
    if fresh.read_bytes() == qm.read_bytes():
        return []
    from PySide6.QtCore import QTranslator

    committed, current = QTranslator(), QTranslator()
    if not committed.load(str(qm)) or not current.load(str(fresh)):
        return [f"{qm.name} cannot be loaded"]
    differences = []
    for message in read_ts(ts):
        if message.kind in ("vanished", "obsolete"):
            continue
        disambiguation = message.comment or None
        for n in (1, 2, 5) if message.numerus else (-1,):
            args = (message.context, message.source, disambiguation, n)
            if committed.translate(*args) != current.translate(*args):
                differences.append(f"[{message.context}] {message.source!r}")
                break
    return differences


# -- commands ---------------------------------------------------------------------------------


def update(root: Path = ROOT, folder: Path = TS_DIR) -> None:
    lupdate({language: ts_path(language, folder) for language in LANGUAGES}, root)
    fill(ts_path("en", folder), None)
    # lupdate rewrites the files in its own layout (so that later runs give small diffs)
    lupdate({"en": ts_path("en", folder)}, root)
    for language in LANGUAGES:
        lrelease(ts_path(language, folder), qm_path(language, folder))


def export_untranslated(target: Path, folder: Path = TS_DIR) -> int:
    todo: dict[str, dict[str, str]] = {}
    for message in read_ts(ts_path("zh_CN", folder)):
        if message.kind == "unfinished" or not all(t.strip() for t in message.translations):
            todo.setdefault(message.context, {})[message.source] = ""
    target.write_text(json.dumps(todo, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return sum(len(v) for v in todo.values())


def apply(source: Path, root: Path = ROOT, folder: Path = TS_DIR) -> int:
    data = json.loads(source.read_text("utf-8"))
    translate = {
        (context, text): translation
        for context, texts in data.items()
        for text, translation in texts.items()
        if translation
    }
    changed = fill(ts_path("zh_CN", folder), translate)
    update(root, folder)
    return changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="report problems; exit 1 if any")
    group.add_argument("--export-untranslated", type=Path, metavar="JSON")
    group.add_argument("--apply", type=Path, metavar="JSON")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.check:
        found = problems()
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)")
        return 1 if found else 0
    if args.export_untranslated:
        count = export_untranslated(args.export_untranslated)
        print(f"{count} untranslated message(s) written to {args.export_untranslated}")
        return 0
    if args.apply:
        count = apply(args.apply)
        print(f"{count} translation(s) applied")
    else:
        update()
    messages = read_ts(ts_path("zh_CN"))
    unfinished = [m for m in messages if m.kind == "unfinished"]
    print(f"{len(messages)} message(s); {len(unfinished)} still untranslated in zh_CN")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
