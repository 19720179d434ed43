"""Replace the Linux bundle's ICU data library with one holding only what ShopDesk's languages use.

    python packaging/trim_icu.py dist/ShopDesk/_internal/PySide6/Qt/lib/libicudata.so.73

PySide6's Linux wheels link Qt against ICU 73, whose data library (libicudata.so.73) carries
every locale of the world: 32 MB, a sixth of the bundle. Qt reads it for collation (QCollator,
sorting Chinese names by pinyin), time-zone names and legacy text codecs. ShopDesk speaks Chinese
and English, so the rebuilt library keeps the root, ``en*`` and ``zh*`` locales of every tree
(collation, currencies, languages, regions, units, zones, number spelling), the CJK word-break
dictionary and every non-locale item (converters, normalisation, properties, the word-break
dictionaries the root rules name, supplemental data), and drops the other languages and the
transliterators: about 13 MB instead of 32.

How: the data is ICU's common-data package stored as-is under the symbol ``icudt73_dat``; it is
cut out of the library, thinned with ICU's own ``icupkg`` (Debian: icu-devtools), and wrapped
back into a shared library exporting the same symbol with ``as``/``ld`` (binutils). When a tool
is missing, the bundle keeps the full library (and says so): larger, never broken. The frozen
smoke test sorts Chinese names with QCollator to prove the rebuilt data is read.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# A locale bundle is named like zh.res, zh_Hans_CN.res, en_001.res; everything else (root.res,
# pool.res, res_index.res, supplementalData.res, *.cnv, *.nrm, *.icu, *.dict …) is shared data.
_LOCALE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]*)*\.res$")  # de_.res too (an alias of de)
# Cantonese: ICU takes zh_Hant_HK's number spelling from it (icupkg refuses to drop it).
KEEP_LANGUAGES = ("en", "zh", "yue")


def items_to_drop(items: list[str]) -> list[str]:
    """The package items (``coll/fr.res``, ``translit/root.res`` …) a Chinese/English app never reads."""
    drop = []
    for item in items:
        tree, _, name = item.rpartition("/")
        if tree == "translit":
            drop.append(item)
        elif _LOCALE.match(name) and name != "res_index.res" and name.split("_")[0].removesuffix(".res") not in KEEP_LANGUAGES:
            drop.append(item)
    return drop


def _symbol(lib: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size (the library holds nothing else)."""
    out = subprocess.run(["nm", "-D", "-S", "--defined-only", str(lib)], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            address, size = int(parts[0], 16), int(parts[1], 16)
            # Map the address to a file offset through the section that holds it.
            sections = subprocess.run(["readelf", "-W", "-S", str(lib)], capture_output=True, text=True, check=True).stdout
            for sec in re.finditer(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", sections):
                start, offset, length = (int(sec.group(i), 16) for i in (2, 3, 4))
                if start <= address < start + length:
                    return parts[3], address - start + offset, size
    raise RuntimeError(f"{lib} exports no icudtNN_dat symbol")


def trim(lib: Path) -> int:
    """Rewrite ``lib`` in place; returns the bytes saved (0 when a tool is missing)."""
    missing = [tool for tool in ("icupkg", "nm", "readelf", "as", "ld") if shutil.which(tool) is None]
    if missing:
        print(f"trim_icu: {', '.join(missing)} not found; keeping the full ICU data ({lib.stat().st_size:,} bytes)")
        return 0
    symbol, offset, size = _symbol(lib)
    with tempfile.TemporaryDirectory(prefix="shopdesk-icu-") as tmp:
        work = Path(tmp)
        # icupkg takes the package's name (icudt73l: ICU 73, little-endian) from the file's name.
        name = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b") + ".dat"
        (work / "full").mkdir()
        (work / "thin").mkdir()
        full, thin = work / "full" / name, work / "thin" / name
        with lib.open("rb") as f:
            f.seek(offset)
            full.write_bytes(f.read(size))
        items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout.split()
        drop = work / "drop.txt"
        drop.write_text("\n".join(items_to_drop(items)) + "\n", encoding="ascii")
        done = subprocess.run(["icupkg", "-r", str(drop), str(full), str(thin)], capture_output=True, text=True)
        if done.returncode != 0:  # e.g. a kept item depending on a dropped one in a newer ICU
            raise RuntimeError(f"icupkg could not thin the ICU data: {done.stderr.strip()[-2000:]}")
        # ICU maps the package straight from memory: 16-byte aligned, read-only, one symbol.
        source = work / "data.s"
        source.write_text(
            f'\t.section .rodata\n\t.balign 16\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
            f'{symbol}:\n\t.incbin "{thin}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        obj, out = work / "data.o", work / lib.name
        subprocess.run(["as", "-o", str(obj), str(source)], check=True)
        subprocess.run(["ld", "-shared", f"-soname={lib.name}", "-o", str(out), str(obj)], check=True)
        before = lib.stat().st_size
        shutil.copyfile(out, lib)
        return before - lib.stat().st_size


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"{arg}: {trim(Path(arg)):,} bytes saved")
