"""Keep the screens' translations up to date: ``python build/i18n.py``.

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``gui/``, ``kiosk/`` and ``ui/``, and
   every ``QT_TRANSLATE_NOOP`` mark of the core (``app/``: error messages, stage names, the
   sync status; read back without Qt by ``app/i18n.py``), into
   ``resources/i18n/frontdesk_<lang>.ts`` (English is the source language; existing
   translations are kept, new strings arrive "unfinished" for a translator).
2. Traditional Chinese follows Simplified: an unfinished zh_TW message whose zh_CN translation
   is done gets that translation converted with OpenCC (s2tw).  A translator may still edit it;
   a finished zh_TW translation is never overwritten.
3. ``pyside6-lrelease`` compiles the ``.qm`` files the program loads.

``--fill FILE.json`` first writes Simplified Chinese into unfinished messages from a file of
``{context: {English: 简体}}`` (for a developer adding strings without Qt Linguist; the .ts
stays the one place translations live, and a translator may still edit them there).

``--check`` changes nothing and exits 1 if a string is untranslated or a ``.qm`` is stale
(the test suite runs it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGS = ("zh_CN", "zh_TW")
SOURCES = ("app", "gui", "kiosk", "ui")


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    files: list[str] = []
    for folder in SOURCES:
        files += sorted(str(p) for p in (ROOT / folder).rglob("*.py"))
    return files


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def _messages(tree: ET.ElementTree) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


def _texts(msg: ET.Element) -> list[str]:
    tr = msg.find("translation")
    if tr is None:
        return []
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    bad = []
    for (ctx, source), msg in _messages(tree).items():
        tr = msg.find("translation")
        if tr is None or tr.get("type") == "unfinished" or not all(_texts(msg)):
            bad.append(f"{ctx}: {source!r}")
    return bad


def follow_simplified(zh_cn: Path, zh_tw: Path) -> int:
    import opencc

    convert = opencc.OpenCC("s2tw").convert
    cn = _messages(ET.parse(zh_cn))
    tw_tree = ET.parse(zh_tw)
    changed = 0
    for key, msg in _messages(tw_tree).items():
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        source = cn.get(key)
        if source is None or source.find("translation") is None:
            continue
        if source.find("translation").get("type") == "unfinished":  # type: ignore[union-attr]
            continue
        forms = _texts(source)
        numerus = tr.findall("numerusform")
        if numerus:
            for form, text in zip(numerus, forms, strict=False):
                form.text = convert(text)
        else:
            tr.text = convert(forms[0]) if forms else ""
        del tr.attrib["type"]
        changed += 1
    if changed:
        tw_tree.write(zh_tw, encoding="utf-8", xml_declaration=True)
    return changed


def fill(ts: Path, table: dict[str, dict[str, str]]) -> int:
    """Unfinished messages that ``table`` translates (by context and source) get it."""
    tree = ET.parse(ts)
    filled = 0
    for (ctx, source), msg in _messages(tree).items():
        tr = msg.find("translation")
        text = table.get(ctx, {}).get(source)
        if tr is None or tr.get("type") != "unfinished" or not text:
            continue
        for form in tr.findall("numerusform") or [tr]:
            form.text = text
        del tr.attrib["type"]
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            ts = I18N / f"frontdesk_{lang}.ts"
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh)
            problems += [f"{lang}: untranslated {m}" for m in unfinished(fresh)]
            qm = Path(tmp) / f"frontdesk_{lang}.qm"
            lrelease(ts, qm)
            committed = I18N / qm.name
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{lang}: {committed.name} is stale; run python build/i18n.py")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify only")
    parser.add_argument("--fill", type=Path, help="JSON {context: {English: 简体中文}}")
    args = parser.parse_args()
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations complete and compiled")
        return 1 if problems else 0
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        lupdate(I18N / f"frontdesk_{lang}.ts")
    if args.fill:
        table = json.loads(args.fill.read_text(encoding="utf-8"))
        print(f"zh_CN: {fill(I18N / 'frontdesk_zh_CN.ts', table)} filled from {args.fill}")
    converted = follow_simplified(I18N / "frontdesk_zh_CN.ts", I18N / "frontdesk_zh_TW.ts")
    for lang in LANGS:
        lrelease(I18N / f"frontdesk_{lang}.ts", I18N / f"frontdesk_{lang}.qm")
    missing = {lang: unfinished(I18N / f"frontdesk_{lang}.ts") for lang in LANGS}
    print(f"zh_TW: {converted} converted from zh_CN")
    for lang, items in missing.items():
        print(f"{lang}: {len(items)} untranslated")
        for item in items:
            print(f"  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
