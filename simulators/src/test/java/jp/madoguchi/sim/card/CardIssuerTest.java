package jp.madoguchi.sim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import jp.madoguchi.sim.pki.SimulatorPki;
import org.junit.jupiter.api.Test;

/** Issuing simulated cards: deterministic, chained to the shared PKI, with checked inputs. */
class CardIssuerTest {

    @Test
    void sameResidentGetsTheSameCertificatesOnEveryIssue() throws Exception {
        SimulatedCard first = TestCards.card();
        SimulatedCard second = TestCards.card();
        assertThat(second.authCertificate().getEncoded())
                .isEqualTo(first.authCertificate().getEncoded());
        assertThat(second.signingCertificate().getEncoded())
                .isEqualTo(first.signingCertificate().getEncoded());
        assertThat(TestCards.issuer()
                        .issue(TestCards.otherResident())
                        .authCertificate()
                        .getPublicKey())
                .isNotEqualTo(first.authCertificate().getPublicKey());
    }

    @Test
    void certificatesChainToTheSimulatedJpkiCasAndNameTheResident() throws Exception {
        SimulatedCard card = TestCards.card();
        SimulatorPki pki = TestCards.issuer().pki();
        X509Certificate auth = card.authCertificate();
        auth.verify(pki.userAuthenticationCa().certificate().getPublicKey());
        card.signingCertificate().verify(pki.signingCa().certificate().getPublicKey());
        assertThat(SimulatorPki.residentIdOf(auth)).isEqualTo("R0001");
        assertThat(auth.getNotBefore().toInstant()).isEqualTo(CertificateValidity.DEFAULT.notBefore());
        assertThat(auth.getNotAfter().toInstant()).isEqualTo(CertificateValidity.DEFAULT.notAfter());
        assertThat(auth.getExtensionValue("2.5.29.31"))
                .as("CRL distribution point")
                .isNotNull();
        assertThat(auth.getExtensionValue("1.3.6.1.5.5.7.1.1")).as("OCSP URL").isNotNull();
    }

    @Test
    void validityCanBeChosenForExpiredCards() throws Exception {
        CertificateValidity expired =
                new CertificateValidity(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"));
        SimulatedCard card = TestCards.issuer().issue(TestCards.resident(), CardPins.DEFAULT, expired);
        assertThat(card.authCertificate().getNotAfter().toInstant()).isEqualTo(expired.notAfter());
        assertThatThrownBy(() -> new CertificateValidity(expired.notAfter(), expired.notBefore()))
                .isInstanceOf(CardSimException.class);
    }

    @Test
    void basicAttributesUseLongBerLengthsForLongAddresses() {
        Cardholder holder = TestCards.otherResident();
        byte[] file = CardIssuer.basicAttributesFile(holder);
        assertThat(file[2] & 0xFF).as("outer length in 82 form").isEqualTo(0x82);
        Tlv outer = Tlv.parse(file, 0);
        assertThat(outer.end()).isEqualTo(file.length);
        List<Tlv> fields = Tlv.parseAll(outer.value());
        assertThat(fields).extracting(Tlv::tag).containsExactly(0xDF21, 0xDF22, 0xDF23, 0xDF24, 0xDF25);
        assertThat(fields.get(2).text()).isEqualTo(holder.address());
        assertThat(fields.get(3).text()).isEqualTo("19901231");
        assertThat(fields.get(4).text()).isEqualTo("2");

        Cardholder medium = holder.withAddress("あ".repeat(50));
        byte[] mediumFile = CardIssuer.basicAttributesFile(medium);
        assertThat(Tlv.parseAll(Tlv.parse(mediumFile, 0).value()).get(2).text()).isEqualTo("あ".repeat(50));
        int addressAt = indexOfTag(Tlv.parse(mediumFile, 0).value(), 0xDF23);
        assertThat(Tlv.parse(mediumFile, 0).value()[addressAt + 2] & 0xFF)
                .as("150 bytes in 81 form")
                .isEqualTo(0x81);
    }

    @Test
    void placeholderCardholderHasAValidIndividualNumber() {
        Cardholder holder = Cardholder.placeholder("R0001");
        assertThat(holder.myNumber()).hasSize(12).containsOnlyDigits();
        assertThat(holder.myNumber().charAt(11) - '0')
                .isEqualTo(Cardholder.checkDigit(holder.myNumber().substring(0, 11)));
        // A published example of the scheme: 12345678901 has check digit 8.
        assertThat(Cardholder.checkDigit("12345678901")).isEqualTo(8);
        assertThat(holder.toString()).doesNotContain(holder.name()).doesNotContain(holder.myNumber());
        assertThat(Cardholder.placeholder("R0001")).isEqualTo(holder);
    }

    @Test
    void pinsAndCardholdersAreCheckedBeforeIssue() {
        assertThatThrownBy(() -> CardPins.DEFAULT.withAuthPin("12345")).isInstanceOf(CardSimException.class);
        assertThatThrownBy(() -> CardPins.DEFAULT.withAuthPin("12a4")).isInstanceOf(CardSimException.class);
        assertThatThrownBy(() -> CardPins.DEFAULT.withSigningPassword("abc123")).isInstanceOf(CardSimException.class);
        assertThatThrownBy(() -> CardPins.DEFAULT.withSigningPassword("ABC12")).isInstanceOf(CardSimException.class);
        assertThatThrownBy(() -> TestCards.resident().withMyNumber("12345")).isInstanceOf(CardSimException.class);
        assertThatThrownBy(() -> Cardholder.placeholder("R 1")).isInstanceOf(CardSimException.class);
        assertThat(CardPins.DEFAULT.toString()).doesNotContain("1234");
    }

    @Test
    void customPinsAreTheOnesTheCardAccepts() {
        SimulatedCard card = TestCards.issuer().issue(TestCards.resident(), CardPins.DEFAULT.withAuthPin("4321"));
        CardSlot slot = new CardSlot("issuer test");
        slot.insert(card);
        CardContact contact = slot.contact();
        contact.transmit(hex("00A4040C0AD392F000260100000001"));
        contact.transmit(hex("00A4020C020018"));
        assertThat(contact.transmit(hex("002000800431323334"))).isEqualTo(hex("63C2"));
        assertThat(contact.transmit(hex("002000800434333231"))).isEqualTo(hex("9000"));
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }

    private static int indexOfTag(byte[] data, int tag) {
        int offset = 0;
        while (offset < data.length) {
            Tlv tlv = Tlv.parse(data, offset);
            if (tlv.tag() == tag) {
                return offset;
            }
            offset = tlv.end();
        }
        return -1;
    }
}
