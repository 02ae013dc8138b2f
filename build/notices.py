"""The licences of everything the frozen program carries, read from the installed distributions.

    python build/notices.py OUT_DIR          every distribution FrontDesk's code can import
    (build/frontdesk.spec calls ``write()`` with the modules PyInstaller actually bundled)

Writes into OUT_DIR:
- ``LICENSE.txt`` — FrontDesk's own licence, GPL-3.0-or-later (the repository's LICENSE);
- ``THIRD-PARTY-NOTICES.txt`` — each bundled distribution with its version, its licence as
  its metadata declares it, and the licence and notice files it ships (for the few that ship
  none — Qt for Python — the full text of each licence its expression names, from
  build/licenses/); the Python interpreter's own licence; PyInstaller's bootloader;
- ``sbom.cdx.json`` — a CycloneDX 1.6 bill of materials (cyclonedx-python-lib), checked
  against the CycloneDX schema before it is written.

Nothing here is typed by hand: a new dependency appears with its own texts at the next build.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(__file__).resolve().parent / "licenses"  # verbatim texts, for dists with none
OURS = {"frontdesk"}
LICENCE_FILE = re.compile(
    r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$|\.dist-info/licenses/", re.I
)
FULL_TEXT = " (full text)"
SPDX_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")


@dataclass(frozen=True)
class Bundled:
    name: str
    version: str
    licence: str  # an SPDX expression where the metadata gives one, else its words
    texts: tuple[tuple[str, str], ...]  # (file name, text)
    summary: str = ""


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(dist: md.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression).strip()
    words = str(meta.get("License") or "").strip()
    if words and "\n" not in words and len(words) <= 120:
        return words
    classifiers = [
        c.split(" :: ")[-1]
        for c in meta.get_all("Classifier") or []
        if c.startswith("License :: ") and c.count(" :: ") >= 2
    ]
    if classifiers:
        return " OR ".join(classifiers)
    return words.splitlines()[0] if words else "UNKNOWN"


def _texts(dist: md.Distribution, licence: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for file in dist.files or []:
        if LICENCE_FILE.search(str(file)):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
    own = TEXTS / "dists" / f"{_norm(str(dist.metadata['Name']))}.txt"
    if not found and own.is_file():  # a wheel that ships no licence file: its project's, kept here
        found.append((f"LICENSE{FULL_TEXT}", own.read_text(encoding="utf-8")))
    if not found:  # the licence texts its expression names, carried by this repository
        for spdx in SPDX_ID.findall(licence):
            text = TEXTS / f"{spdx}.txt"
            if spdx.startswith("GPL-3.0"):
                text = ROOT / "LICENSE"
            if text.is_file():
                found.append((f"{spdx}{FULL_TEXT}", text.read_text(encoding="utf-8")))
    return tuple(found)


def bundled(modules: Iterable[str]) -> list[Bundled]:
    """The distributions that provide these top-level modules (our own excepted)."""
    providers = md.packages_distributions()
    names = {_norm(d) for module in modules for d in providers.get(module, ())}
    out: dict[str, Bundled] = {}
    for name in sorted(names - OURS):
        dist = md.distribution(name)
        licence = licence_of(dist)
        out[name] = Bundled(
            str(dist.metadata["Name"]),
            dist.version,
            licence,
            _texts(dist, licence),
            str(dist.metadata.get("Summary") or ""),
        )
    return list(out.values())


def _python_itself() -> Bundled:
    version = ".".join(map(str, sys.version_info[:3]))
    base = Path(sys.base_prefix)
    where = [
        base / "LICENSE.txt",
        base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt",
    ]
    texts = tuple(
        ("LICENSE.txt", p.read_text(encoding="utf-8", errors="replace"))
        for p in where
        if p.is_file()
    )
    return Bundled("Python", version, "PSF-2.0", texts[:1], "the interpreter the program runs on")


def notices_text(items: list[Bundled], version: str) -> str:
    lines = [
        f"FrontDesk {version} — third-party software notices",
        "",
        "FrontDesk is free software under the GNU General Public License, version 3 or (at",
        "your option) any later version (LICENSE.txt). It carries the components below, each",
        "under its own licence, listed as its own metadata declares it. Qt for Python and the",
        "Qt libraries are used under the GPL-3.0 (Qt Virtual Keyboard is offered under no",
        "other open licence). The PyInstaller bootloader is GPL-2.0-or-later with an exception",
        "that allows it to start any program.",
        "",
        f"{len(items)} components:",
        *(f"  {b.name} {b.version}  —  {b.licence}" for b in items),
        "",
    ]
    appendix: dict[str, str] = {}  # full licence texts, each once
    for b in items:
        lines += ["=" * 78, f"{b.name} {b.version}", f"Licence: {b.licence}"]
        if b.summary:
            lines.append(b.summary)
        for name, text in b.texts:
            if name.endswith(FULL_TEXT):
                appendix[name.removesuffix(FULL_TEXT)] = text
                lines += ["", f"--- {name}: at the end of this file ---"]
            else:
                lines += ["", f"--- {name} ---", text.rstrip(), ""]
        if not b.texts:
            lines += ["", "(this distribution ships no licence file; its licence is named above)"]
        lines.append("")
    for spdx, text in sorted(appendix.items()):
        lines += ["=" * 78, f"{spdx}{FULL_TEXT}", "", text.rstrip(), ""]
    return "\n".join(lines)


def sbom_json(items: list[Bundled], version: str) -> str:
    from cyclonedx.model.bom import Bom
    from cyclonedx.model.component import Component, ComponentType
    from cyclonedx.model.license import DisjunctiveLicense, LicenseExpression
    from cyclonedx.output.json import JsonV1Dot6
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator
    from license_expression import get_spdx_licensing
    from packageurl import PackageURL

    spdx = get_spdx_licensing()

    def licences(expression: str) -> list[LicenseExpression | DisjunctiveLicense]:
        parsed = spdx.validate(expression)
        if not parsed.errors and not parsed.invalid_symbols:
            return [LicenseExpression(parsed.normalized_expression or expression)]
        return [DisjunctiveLicense(name=expression[:200])]

    bom = Bom()
    root = Component(
        name="FrontDesk",
        version=version,
        type=ComponentType.APPLICATION,
        bom_ref="frontdesk",
        licenses=[LicenseExpression("GPL-3.0-or-later")],
    )
    bom.metadata.component = root
    parts = []
    for b in items:
        purl = (
            PackageURL(type="pypi", name=_norm(b.name), version=b.version)
            if b.name != "Python"
            else None
        )
        part = Component(
            name=b.name,
            version=b.version,
            type=ComponentType.LIBRARY if purl else ComponentType.PLATFORM,
            bom_ref=f"{_norm(b.name)}@{b.version}",
            purl=purl,
            licenses=licences(b.licence),
        )
        bom.components.add(part)
        parts.append(part)
    bom.register_dependency(root, parts)
    text = JsonV1Dot6(bom).output_as_string(indent=2)
    errors = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    if errors:
        raise SystemExit(f"notices: the SBOM breaks the CycloneDX schema: {errors}")
    return text


def write(out: Path, modules: Iterable[str]) -> list[Bundled]:
    sys.path.insert(0, str(ROOT))
    from app import __version__

    items = [*bundled(modules), _python_itself()]
    out.mkdir(parents=True, exist_ok=True)
    (out / "LICENSE.txt").write_text((ROOT / "LICENSE").read_text(encoding="utf-8"), "utf-8")
    (out / "THIRD-PARTY-NOTICES.txt").write_text(notices_text(items, __version__), "utf-8")
    (out / "sbom.cdx.json").write_text(sbom_json(items, __version__), "utf-8")
    return items


def imported_modules() -> set[str]:
    """What FrontDesk's code can import: every distribution its requirements bring in."""
    wanted = ["frontdesk"]
    seen: set[str] = set()
    while wanted:
        name = _norm(wanted.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        for req in dist.requires or []:
            extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)", req)
            if extra and (name not in OURS or extra[1] == "dev"):
                continue  # ours: every extra the program can run with; theirs: none
            wanted.append(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0])
    providers = md.packages_distributions()
    return {module for module, dists in providers.items() if {_norm(d) for d in dists} & seen}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    items = write(args.out, imported_modules())
    print(f"{len(items)} components: {args.out}")


if __name__ == "__main__":
    main()
