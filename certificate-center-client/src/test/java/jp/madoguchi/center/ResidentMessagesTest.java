package jp.madoguchi.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import jp.madoguchi.center.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

class ResidentMessagesTest {
    @Test
    void everyErrorCodeHasAJapaneseAndAnEnglishMessage() {
        ResidentMessages ja = ResidentMessages.forLocale(Locale.JAPANESE);
        ResidentMessages en = ResidentMessages.forLocale(Locale.ENGLISH);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ja.text(code)).as(code.name()).isNotBlank().doesNotContain("center.error");
            assertThat(en.text(code)).as(code.name()).isNotBlank().isNotEqualTo(ja.text(code));
        }
    }

    @Test
    void unknownLocalesFallBackToJapaneseNotTheJvmDefault() {
        assertThat(ResidentMessages.forLocale(Locale.KOREAN).text(ErrorCode.CERT_REVOKED))
                .isEqualTo(ResidentMessages.forLocale(Locale.JAPANESE).text(ErrorCode.CERT_REVOKED));
    }

    @Test
    void exceptionCarriesTheCodeAndTheResidentFacingText() {
        CenterException e = new CenterException(ErrorCode.SEAL_NOT_REGISTERED, "no seal");
        assertThat(e.messageKey()).isEqualTo("center.error.SEAL_NOT_REGISTERED");
        assertThat(e.residentMessage(Locale.JAPANESE)).contains("印鑑登録");
        assertThat(e.residentMessage(Locale.ENGLISH)).contains("register your seal");
    }
}
