"""The CJK font shipped with the app, so that Chinese renders on a machine without one.

We ship WenQuanYi Micro Hei (文泉驿微米黑, ``resources/fonts/wqy-microhei.ttc``, Apache-2.0 or
GPL-3.0 with the font exception; see ``resources/fonts/README.md``). It is a TrueType
collection of about 5 MB with every GBK Han character, and its glyphs are TrueType outlines,
so reportlab can embed it in PDFs as well (``cjk_font_path`` with ``subfontIndex=0``).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

CJK_FONT_FILE = "wqy-microhei.ttc"
CJK_FAMILY = "WenQuanYi Micro Hei"
CJK_SUBFONT_INDEX = 0  # face 0 of the collection is the proportional "Micro Hei"

_loaded: list[str] | None = None


def cjk_font_path() -> Path:
    """The bundled CJK font file (for reportlab: ``TTFont(name, path, subfontIndex=0)``)."""
    return Path(str(resources.files("resources") / "fonts" / CJK_FONT_FILE))


def _system_has_cjk(ours: list[str]) -> bool:
    simplified = QFontDatabase.WritingSystem.SimplifiedChinese
    return any(family not in ours for family in QFontDatabase.families(simplified))


def load_bundled_fonts() -> list[str]:
    """Register the bundled CJK font with Qt and return its family names.

    Call once a ``QGuiApplication`` exists (later calls return the same names). When the system
    has no Simplified Chinese font of its own, the bundled family is added behind the
    application's default family, so Latin text keeps the system's font and Chinese text
    falls back to ours rather than to empty boxes.
    """
    global _loaded
    if _loaded is not None:
        return list(_loaded)
    if QGuiApplication.instance() is None:
        raise RuntimeError("load_bundled_fonts() needs a QGuiApplication")
    path = cjk_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("the bundled CJK font %s could not be loaded", path)
        return []
    families = list(QFontDatabase.applicationFontFamilies(font_id))
    if not _system_has_cjk(families):
        font = QGuiApplication.font()
        fallback = [f for f in font.families() or [font.family()] if f not in families]
        font.setFamilies([*fallback, *families])
        QGuiApplication.setFont(font)
    _loaded = families
    return list(families)
