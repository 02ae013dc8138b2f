"""The Windows version resource for both programs, from the package's one version string
(a full version resource is one of the things antivirus heuristics look for)."""

from __future__ import annotations

from pathlib import Path


def write_version_file(path: Path, version: str) -> str:
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = tuple(int(p) for p in (version.split("+")[0].split(".") + ["0"] * 4)[:4])
    info = VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        "080404B0",  # Chinese (PRC), Unicode
                        [
                            StringStruct("CompanyName", "FrontDesk developers"),
                            StringStruct("FileDescription", "FrontDesk 医院客服中心"),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", "FrontDesk"),
                            StringStruct("LegalCopyright", "FrontDesk developers"),
                            StringStruct("OriginalFilename", "FrontDesk.exe"),
                            StringStruct("ProductName", "FrontDesk"),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(str(info), encoding="utf-8")
    return str(path)
