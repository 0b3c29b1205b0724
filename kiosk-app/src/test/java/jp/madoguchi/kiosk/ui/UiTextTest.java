package jp.madoguchi.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.kiosk.money.Yen;
import org.junit.jupiter.api.Test;

class UiTextTest {
    @Test
    void everyShippedLanguageHasEveryJapaneseKey() {
        UiText ja = UiText.of("ja");
        for (String language : UiText.shippedLanguages()) {
            assertThat(UiText.of(language).screenKeys()).as(language).isEqualTo(ja.screenKeys());
        }
    }

    @Test
    void everyTypeScopeOptionAndCenterErrorHasAText() {
        for (String language : UiText.shippedLanguages()) {
            UiText t = UiText.of(language);
            for (CertificateType type : CertificateType.values()) {
                assertThat(t.has("type." + type.name()))
                        .as(language + " " + type)
                        .isTrue();
            }
            for (IssuanceScope scope : IssuanceScope.values()) {
                assertThat(t.has("scope." + scope.name()))
                        .as(language + " " + scope)
                        .isTrue();
            }
            for (CertificateOption option : CertificateOption.values()) {
                assertThat(t.has("option." + option.name()))
                        .as(language + " " + option)
                        .isTrue();
            }
            for (ErrorCode code : ErrorCode.values()) {
                assertThat(t.has(code.messageKey())).as(language + " " + code).isTrue();
            }
        }
    }

    @Test
    void portugueseAndVietnameseHaveTheirOwnCenterErrorMessages() {
        UiText ja = UiText.of("ja");
        for (String language : new String[] {"pt", "vi"}) {
            UiText t = UiText.of(language);
            for (ErrorCode code : ErrorCode.values()) {
                assertThat(t.text(code.messageKey()))
                        .as(language + " " + code + " is not the Japanese fallback")
                        .isNotEqualTo(ja.text(code.messageKey()));
            }
        }
    }

    @Test
    void everyLetterOfEveryLanguageHasAShippedGlyph() throws Exception {
        java.awt.Font japanese;
        try (java.io.InputStream in = jp.madoguchi.fonts.KioskTypeface.REGULAR.open()) {
            japanese = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
        }
        java.awt.Font latin = shippedFace("fonts/NotoSans-Regular.ttf");
        java.awt.Font symbols = shippedFace("fonts/NotoSansSymbols2-Regular.ttf");
        java.awt.Font chinese = shippedFace("fonts/NotoSansCJKSC-UI-Regular.otf");
        java.awt.Font korean = shippedFace("fonts/NotoSansCJKKR-UI-Regular.otf");
        assertThat(japanese.canDisplay('ơ'))
                .as("BIZ UDGothic has no ơ: why Noto Sans ships")
                .isFalse();
        assertThat(japanese.canDisplay('한'))
                .as("BIZ UDGothic has no hangul: why the Korean subset ships")
                .isFalse();
        assertThat(japanese.canDisplay('证'))
                .as("BIZ UDGothic lacks simplified hanzi: why the Chinese subset ships")
                .isFalse();
        List<java.awt.Font> faces = List.of(japanese, latin, symbols, chinese, korean);
        for (String language : UiText.shippedLanguages()) {
            UiText t = UiText.of(language);
            // Each language's screens name their own face first; any loaded face may fill in.
            for (String key : t.screenKeys()) {
                String text = t.text(key);
                text.codePoints()
                        .filter(c -> !Character.isWhitespace(c) && c != '{' && c != '}')
                        .forEach(c -> assertThat(faces.stream().anyMatch(f -> f.canDisplay(c)))
                                .as(language + " " + key + " U+" + Integer.toHexString(c)
                                        + " (after editing zh/ko bundles run fonts/tools/subset-cjk.py)")
                                .isTrue());
            }
        }
    }

    private static java.awt.Font shippedFace(String path) throws Exception {
        try (java.io.InputStream in =
                UiResources.require(KioskFonts.class, path).openStream()) {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
        }
    }

    @Test
    void japaneseStaysJapaneseOnAnEnglishMachine() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            assertThat(UiText.of("ja").text("shell.cancel")).isEqualTo("取り消し");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void yenReadsAsTheResidentExpects() {
        assertThat(UiText.of("ja").yen(Yen.of(1200))).isEqualTo("1,200円");
        assertThat(UiText.of("en").yen(Yen.of(1200))).isEqualTo("¥1,200");
    }

    @Test
    void aMissingKeyFailsLoudlyNamingTheKey() {
        assertThatThrownBy(() -> UiText.of("en").text("no.such.key"))
                .isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("no.such.key");
    }
}
