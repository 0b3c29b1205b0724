package jp.madoguchi.fonts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KioskTypefaceTest {

    @ParameterizedTest
    @EnumSource(KioskTypeface.class)
    void everyFaceIsATrueTypeFontThatDrawsTheCertificateKanji(KioskTypeface face) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(face.bytes()));
        assertThat(font.getFamily(java.util.Locale.ROOT)).isEqualTo(KioskTypeface.FAMILY);
        assertThat(font.canDisplayUpTo("住民票の写し 印鑑登録証明書 戸籍全部事項証明書 髙 返金票")).isEqualTo(-1);
    }

    @Test
    void outsideTheFontCoverageIsReportedSoCallersCanSubstituteOrRefuse() {
        // 𠮷 (U+20BB7) is not in BIZ UDGothic: names with it need a substitute glyph policy.
        assertThat(KioskTypeface.REGULAR.firstMissingGlyph("髙橋 𠮷田")).hasValue(3);
        assertThat(KioskTypeface.REGULAR.firstMissingGlyph("髙橋 吉田")).isEmpty();
    }

    @Test
    void theLicenceShipsBesideTheFont() throws Exception {
        try (var in = KioskTypeface.class.getResourceAsStream("/jp/madoguchi/fonts/OFL.txt")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("SIL OPEN FONT LICENSE Version 1.1");
        }
    }
}
