#!/usr/bin/env python3
"""Cuts the shipped Simplified Chinese and Korean UI faces out of Noto Sans CJK (SIL OFL 1.1).

BIZ UDGothic, the kiosk's Japanese face, has no hangul and lacks many simplified hanzi, so the
Chinese and Korean screens would draw empty boxes on a machine without CJK fonts. The full Noto
Sans CJK collection is 19 MB per weight; the screens only ever show the texts of their resource
bundles (plus digits and Japanese names, which BIZ UDGothic draws), so each face keeps exactly the
characters of those bundles, every language's own name (the language bar shows them on every
screen), ASCII and common CJK punctuation.

Run it after changing messages_zh/messages_ko (UiTextTest fails when a character is missing):

    apt-get install fonts-noto-cjk python3-fonttools
    /usr/bin/python3 fonts/tools/subset-cjk.py
"""
import pathlib
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUNDLES = ROOT / "kiosk-app/src/main/resources/jp/madoguchi/kiosk/ui"
OUT = BUNDLES / "fonts"
SOURCES = {
    "Regular": pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
# Index of each region's face inside the Noto Sans CJK collections of Debian's fonts-noto-cjk.
FACES = {"SC": (2, "messages_zh.properties"), "KR": (1, "messages_ko.properties")}
PUNCTUATION = "、。，．・：；？！（）「」『』【】〈〉《》〔〕“”‘’…—～ー￥円×＝／％＋－"


def bundle_text(name):
    text = (BUNDLES / name).read_text(encoding="utf-8")
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def language_names():
    names = ""
    for path in sorted(BUNDLES.glob("messages*.properties")):
        for line in bundle_text(path.name).splitlines():
            if line.startswith("language.name="):
                names += line.split("=", 1)[1]
    return names


def main():
    for source in SOURCES.values():
        if not source.exists():
            sys.exit(f"{source} is missing: apt-get install fonts-noto-cjk")
    ascii_text = "".join(chr(c) for c in range(0x20, 0x7F))
    for region, (index, bundle) in FACES.items():
        chars = set(bundle_text(bundle) + language_names() + ascii_text + PUNCTUATION)
        chars = {c for c in chars if not c.isspace() or c == " "}
        for weight, source in SOURCES.items():
            font = TTCollection(str(source)).fonts[index]
            options = subset.Options()
            options.layout_features = ["*"]
            options.name_IDs = ["*"]
            options.name_languages = ["*"]
            options.notdef_outline = True
            options.hinting = False
            subsetter = subset.Subsetter(options)
            subsetter.populate(text="".join(sorted(chars)))
            subsetter.subset(font)
            target = OUT / f"NotoSansCJK{region}-UI-{weight}.otf"
            font.save(str(target))
            print(f"{target.relative_to(ROOT)}: {len(chars)} characters, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
