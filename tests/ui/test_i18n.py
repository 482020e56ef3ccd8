"""Translations are complete and current, languages switch live, and Chinese renders with the
bundled font on a machine that has no CJK font of its own (offscreen)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QImage, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from desk.network import NetworkThread
from ledger.errors import WrongPassphraseError
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.statement import ROLES
from ui.fonts import CJK_FAMILY, CJK_SUBFONT_INDEX, cjk_font_path, load_bundled_fonts
from ui.i18n import ROLE_NAMES, Translations, error_text, qm_path, role_name

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


tr_script = _load_script()


@pytest.fixture(scope="module")
def extracted() -> set[tuple[str, str, str]]:
    """The strings the code asks to translate, freshly extracted by lupdate (and the AST pass)."""
    return tr_script.extracted_keys(ROOT)


@pytest.fixture
def translations(qapp) -> Iterator[Translations]:
    installed = Translations(qapp)
    yield installed
    installed.remove()
    installed.setParent(None)  # gone from the app's children at once (found by findChild)
    installed.deleteLater()
    QCoreApplication.sendPostedEvents()


def current(language: str) -> list:
    return [
        m
        for m in tr_script.read_ts(tr_script.ts_path(language))
        if m.kind not in ("vanished", "obsolete")
    ]


# -- the catalogues ---------------------------------------------------------------------------


def test_every_chinese_message_is_translated() -> None:
    unfinished = [
        f"[{m.context}] {m.source!r}"
        for m in current("zh_CN")
        if m.kind == "unfinished" or not all(t.strip() for t in m.translations)
    ]
    assert not unfinished, (
        "untranslated (scripts/update_translations.py --export-untranslated):\n"
        + "\n".join(unfinished)
    )


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_in_the_code_is_in_the_catalogue(extracted, language: str) -> None:
    have = {m.key for m in current(language)}
    missing = sorted(extracted - have)
    assert not missing, "run scripts/update_translations.py; missing:\n" + "\n".join(
        f"[{c}] {s!r}" for c, s, _ in missing
    )


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_placeholders_are_kept(language: str) -> None:
    wrong = []
    for message in current(language):
        if message.kind == "unfinished":
            continue  # reported by test_every_chinese_message_is_translated
        expected = tr_script.placeholders(message.source)
        for text in message.translations:
            got = tr_script.placeholders(text)
            if message.numerus:
                expected, got = expected - {"%n"}, got - {"%n"}
            if got != expected:
                wrong.append(f"[{message.context}] {message.source!r} -> {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_placeholder_parsing() -> None:
    assert tr_script.placeholders("Saved {count} files to {folder}.") == {"{count}", "{folder}"}
    assert tr_script.placeholders("{{literal}} and {x}") == {"{x}"}
    assert tr_script.placeholders("%n entries") == {"%n"}
    assert "<unbalanced braces>" in tr_script.placeholders("broken {")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_compiled_catalogues_are_up_to_date(tmp_path: Path, language: str) -> None:
    ts, qm = tr_script.ts_path(language), tr_script.qm_path(language)
    assert qm.exists() and qm_path(language) == qm
    stale = tr_script.qm_differences(ts, qm, tmp_path / qm.name)
    assert not stale, "run scripts/update_translations.py; stale:\n" + "\n".join(stale)


def test_a_stale_catalogue_is_noticed(tmp_path: Path) -> None:
    ts = tmp_path / "jcdesk_zh_CN.ts"
    text = tr_script.ts_path("zh_CN").read_text("utf-8")
    ts.write_text(text, "utf-8")
    qm = tmp_path / "committed.qm"
    tr_script.lrelease(ts, qm)
    assert tr_script.qm_differences(ts, qm, tmp_path / "fresh.qm") == []
    changed = text.replace(
        "<translation>调解员</translation>", "<translation>调解人</translation>", 1
    )
    assert changed != text
    ts.write_text(changed, "utf-8")
    assert tr_script.qm_differences(ts, qm, tmp_path / "fresh.qm") != []


def test_core_error_messages_are_extracted(extracted) -> None:
    """lupdate cannot follow QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, ...): the AST pass does."""
    core = {(m.context, m.text) for m in tr_script.ast_messages(ROOT)}
    assert ("LedgerError", WrongPassphraseError.message) in core
    from chain_client.errors import NodeUnreachable
    from desk.session import NotConnectedYet  # a plain ``message = "..."`` in a subclass

    assert ("LedgerError", NodeUnreachable.message) in core
    assert ("LedgerError", NotConnectedYet.message) in core
    assert {(c, s) for c, s, _ in extracted} >= core


def test_the_ast_pass_follows_constants_imports_and_wrappers(tmp_path: Path) -> None:
    (tmp_path / "ledger").mkdir()
    (tmp_path / "ledger" / "errors.py").write_text(
        'TRANSLATION_CONTEXT = "LedgerError"\n'
        "def QT_TRANSLATE_NOOP(context, text):\n    return text\n"
        "class LedgerError(Exception):\n"
        '    message = QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "base {detail}")\n'
    )
    (tmp_path / "ledger" / "more.py").write_text(
        "from ledger.errors import LedgerError, QT_TRANSLATE_NOOP\n"
        "from ledger.errors import TRANSLATION_CONTEXT as CTX\n"
        "class Sub(LedgerError):\n"
        '    message = "plain {x}"\n'
        "class SubSub(Sub):\n"
        '    message = "deeper"\n'
        "class Unrelated:\n"
        '    message = "not a UI text"\n'
        'REASON = QT_TRANSLATE_NOOP(CTX, "imported context")\n'
    )
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "errors.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        'CONTEXT = "ErrorDialog"\n'
        "def _tr(text):\n    return QCoreApplication.translate(CONTEXT, text)\n"
        'TITLE = _tr("Unexpected error")\n'
        'OTHER = QCoreApplication.translate(CONTEXT, "Direct {n}")\n'
    )
    (tmp_path / "ui" / "user.py").write_text(
        'from ui.errors import _tr\nTEXT = _tr("Through an import")\nNOT = _tr(name)\n'
    )
    found = {(m.context, m.text) for m in tr_script.ast_messages(tmp_path)}
    assert found == {
        ("LedgerError", "base {detail}"),
        ("LedgerError", "plain {x}"),
        ("LedgerError", "deeper"),
        ("LedgerError", "imported context"),
        ("ErrorDialog", "Unexpected error"),
        ("ErrorDialog", "Direct {n}"),
        ("ErrorDialog", "Through an import"),
    }


def test_every_role_has_a_chinese_name(translations: Translations) -> None:
    assert set(ROLE_NAMES) == set(ROLES)
    translations.install("zh_CN")
    names = {role: role_name(role) for role in ROLES}
    assert names == {
        "mediator": "调解员",
        "administrator": "破产管理人",
        "creditor": "债权人",
        "party": "当事人",
        "judge": "法官",
        "observer": "观察员",
    }


def test_ledger_errors_and_qt_texts_are_translated(translations: Translations) -> None:
    error = WrongPassphraseError(path="/x/identity.key")
    assert error_text(error).startswith("Wrong passphrase")
    with pytest.raises(ValueError):
        translations.install("fr")
    translations.install("zh_CN")
    assert translations.language == "zh_CN"
    assert error_text(error) == "口令错误：无法解锁 /x/identity.key 中的密钥。请检查口令后重试。"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own
    translations.install("en")
    assert error_text(error).startswith("Wrong passphrase")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


# -- switching live ---------------------------------------------------------------------------


def test_language_switches_without_recreating_widgets(
    qtbot, translations: Translations, tmp_path: Path
) -> None:
    network = NetworkThread().start()
    try:
        translations.install("zh_CN")
        from ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(tmp_path, network)  # finds the Translations on the app
        qtbot.addWidget(wizard)
        wizard.show()
        assert wizard.windowTitle() == "设置司法链桌面端"
        assert wizard.welcome_page.title() == "欢迎使用司法链桌面端"
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert next_button.text() == "下一步 >"
        next_button.click()
        role_combo = wizard.profile_page.role_combo
        assert role_combo.currentText() == "调解员"
        title = wizard.profile_page.title()

        with qtbot.waitSignal(translations.changed):
            wizard.welcome_page.language_combo.setCurrentIndex(
                wizard.welcome_page.language_combo.findData("en")
            )
        qtbot.waitUntil(lambda: wizard.windowTitle() == "Set up Judicial Chain Desk")
        assert translations.language == "en"
        assert wizard.profile_page.title() == "Who you are" != title
        assert role_combo.currentText() == "Mediator"
        assert next_button.text() == "Next >"

        translations.install("zh_CN")
        qtbot.waitUntil(lambda: wizard.windowTitle() == "设置司法链桌面端")
        assert role_combo.currentText() == "调解员"
        assert wizard.profile_page.title() == title
        assert wizard.welcome_page.language_combo.currentData() == "zh_CN"
    finally:
        network.stop()


def test_settings_dialog_switches_and_saves_the_language(
    qtbot, translations: Translations, tmp_path: Path
) -> None:
    from ui.settings_dialog import SettingsDialog

    profile = Profile.named("p", home=tmp_path)
    profile.save_settings(Settings(display_name="张三", role="creditor", language="zh_CN"))
    SigningKey.generate().save(profile.key_path, "a long passphrase")
    translations.install("zh_CN")
    dialog = SettingsDialog(profile, translations)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "设置"
    assert dialog.role_value.text() == "债权人"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert translations.language == "en"  # applied at once
    assert profile.load_settings().language == "en"  # and saved
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings")
    assert dialog.role_value.text() == "Creditor"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "设置")
    assert profile.load_settings().language == "zh_CN"
    assert profile.load_settings().display_name == "张三"


# -- fonts ------------------------------------------------------------------------------------

SAMPLE = "调解协议债权人会议"


def _render(label: QLabel) -> QImage:
    label.adjustSize()
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    label.render(image)
    return image


def test_the_bundled_font_is_shipped_with_its_licence() -> None:
    folder = cjk_font_path().parent
    assert cjk_font_path().is_file() and cjk_font_path().stat().st_size < 10_000_000
    copyright_text = (folder / "wqy-microhei.COPYRIGHT.txt").read_text("utf-8")
    assert "Apache-2.0" in copyright_text and "GPL-3" in copyright_text
    assert "Apache License" in (folder / "LICENSE-Apache-2.0.txt").read_text("utf-8")


def test_chinese_renders_with_the_bundled_font(qapp) -> None:
    families = load_bundled_fonts()
    assert CJK_FAMILY in families
    assert CJK_FAMILY in QFontDatabase.families()
    assert CJK_FAMILY in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert load_bundled_fonts() == families  # a second call changes nothing

    label = QLabel(SAMPLE)
    layout = QTextLayout(SAMPLE, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs
    for run in runs:
        assert 0 not in run.glyphIndexes(), f"missing glyphs in {run.rawFont().familyName()}"
    for ch in SAMPLE:
        assert any(run.rawFont().supportsCharacter(ord(ch)) for run in runs), ch

    # and on screen: each character differs from the box drawn for a character nobody has
    tofu = _render(QLabel("\ue000"))
    for ch in SAMPLE:
        glyph = _render(QLabel(ch))
        assert glyph != tofu, f"{ch} renders as a missing-glyph box"
        assert any(
            glyph.pixelColor(x, y).lightness() < 128
            for x in range(glyph.width())
            for y in range(glyph.height())
        )


def test_reportlab_embeds_the_bundled_font(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = TTFont("JCDeskCJK", str(cjk_font_path()), subfontIndex=CJK_SUBFONT_INDEX)
    pdfmetrics.registerFont(font)
    assert font.face.familyName == CJK_FAMILY.encode()
    assert all(ord(ch) in font.face.charToGlyph for ch in SAMPLE)
    pdf = tmp_path / "agreement.pdf"
    page = canvas.Canvas(str(pdf))
    page.setFont("JCDeskCJK", 14)
    page.drawString(72, 720, SAMPLE)
    page.save()
    assert b"/FontFile2" in pdf.read_bytes()  # the TrueType subset is embedded


def test_qapplication_font_falls_back_to_the_bundled_family(qapp) -> None:
    load_bundled_fonts()
    system_cjk = [
        f
        for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not f.startswith("WenQuanYi")
    ]
    if system_cjk:
        pytest.skip(f"this machine has its own CJK font ({system_cjk[0]})")
    assert CJK_FAMILY in QApplication.font().families()
