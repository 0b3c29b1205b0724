package jp.madoguchi.sim.card;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.sim.card.applet.DefaultSelectedApplet;
import jp.madoguchi.sim.card.applet.MyNumberApplet;
import jp.madoguchi.sim.card.internal.BerTlv;
import jp.madoguchi.sim.card.internal.CardLayout;
import jp.madoguchi.sim.card.internal.CardRuntime;
import jp.madoguchi.sim.card.internal.Personaliser;
import jp.madoguchi.sim.pki.SeededKeys;
import jp.madoguchi.sim.pki.SimulatorPki;

/**
 * Issues simulated My Number cards for synthetic residents, deterministically: the key pairs come
 * from the resident id ({@code SeededKeys.rsa2048(id + "/auth")} and {@code "/sign"}), the
 * certificates from the shared simulator PKI in {@code <data>/pki/}, so the same resident gets the
 * same card on every run and the center simulator trusts it.
 *
 * <p>The card holds: JPKI AP with EF 000A/000B (auth certificate and its CA), 0001/0002 (signing
 * certificate, readable after the signing password, and its CA), 0006 (token info {@code
 * JPKIAPICCTOKEN2}), 0017/0018 (auth key and PIN, 3 tries), 001A/001B (signing key and password, 5
 * tries); card-info AP with EF 0011 (PIN, 10 tries), 0001 (My Number) and 0002 (basic
 * attributes), both readable after that PIN. Personalisation ends before the card is handed out.
 *
 * <p>Key pairs are cached in this issuer (RSA key generation takes a while), so reuse one issuer
 * for many cards. Nothing of a card is written to disk.
 */
public final class CardIssuer {
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final SimulatorPki pki;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();

    public CardIssuer(SimulatorPki pki) {
        this.pki = Objects.requireNonNull(pki, "pki");
    }

    /** An issuer over the simulator PKI in {@code dataDir/pki} (created on first use). */
    public static CardIssuer open(Path dataDir) {
        return new CardIssuer(SimulatorPki.open(dataDir));
    }

    public SimulatorPki pki() {
        return pki;
    }

    /** A card with the default PINs and the default certificate validity. */
    public SimulatedCard issue(Cardholder holder) {
        return issue(holder, CardPins.DEFAULT, CertificateValidity.DEFAULT);
    }

    /** A card with these PINs and the default certificate validity. */
    public SimulatedCard issue(Cardholder holder, CardPins pins) {
        return issue(holder, pins, CertificateValidity.DEFAULT);
    }

    /** A card with these PINs whose certificates are valid in {@code validity}. */
    public SimulatedCard issue(Cardholder holder, CardPins pins, CertificateValidity validity) {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(pins, "pins");
        Objects.requireNonNull(validity, "validity");
        String id = holder.residentId();
        KeyPair authKeys = keys.computeIfAbsent(id + "/auth", SeededKeys::rsa2048);
        KeyPair signKeys = keys.computeIfAbsent(id + "/sign", SeededKeys::rsa2048);
        X509Certificate authCert =
                pki.issueUserAuthCertificate(id, authKeys.getPublic(), validity.notBefore(), validity.notAfter());
        X509Certificate signCert =
                pki.issueSigningCertificate(id, signKeys.getPublic(), validity.notBefore(), validity.notAfter());

        CardRuntime runtime = new CardRuntime();
        Personaliser.install(runtime, DefaultSelectedApplet.class, CardLayout.DEFAULT_AID);
        Personaliser.install(runtime, MyNumberApplet.class, CardLayout.JPKI_AID);
        Personaliser.install(runtime, MyNumberApplet.class, CardLayout.CARD_INFO_AID);

        Personaliser jpki = Personaliser.select(runtime, CardLayout.JPKI_AID);
        jpki.createPin(CardLayout.JPKI_AUTH_PIN, CardPin.AUTH_PIN.maxTries(), 4, 4, ascii(pins.authPin()));
        jpki.createPin(
                CardLayout.JPKI_SIGN_PASSWORD,
                CardPin.SIGNING_PASSWORD.maxTries(),
                6,
                16,
                ascii(pins.signingPassword()));
        jpki.createBinary(CardLayout.JPKI_AUTH_CERT, der(authCert), MyNumberApplet.ACCESS_ALWAYS);
        jpki.createBinary(
                CardLayout.JPKI_AUTH_CA_CERT,
                der(pki.userAuthenticationCa().certificate()),
                MyNumberApplet.ACCESS_ALWAYS);
        jpki.createBinary(CardLayout.JPKI_SIGN_CERT, der(signCert), CardLayout.JPKI_SIGN_PASSWORD);
        jpki.createBinary(
                CardLayout.JPKI_SIGN_CA_CERT, der(pki.signingCa().certificate()), MyNumberApplet.ACCESS_ALWAYS);
        jpki.createBinary(CardLayout.JPKI_TOKEN_INFO, CardLayout.tokenInfo(), MyNumberApplet.ACCESS_ALWAYS);
        jpki.createRsaKey(CardLayout.JPKI_AUTH_KEY, (RSAPrivateCrtKey) authKeys.getPrivate(), CardLayout.JPKI_AUTH_PIN);
        jpki.createRsaKey(
                CardLayout.JPKI_SIGN_KEY, (RSAPrivateCrtKey) signKeys.getPrivate(), CardLayout.JPKI_SIGN_PASSWORD);
        jpki.end();

        Personaliser cardInfo = Personaliser.select(runtime, CardLayout.CARD_INFO_AID);
        cardInfo.createPin(CardLayout.CARD_INFO_PIN, CardPin.CARD_INFO_PIN.maxTries(), 4, 4, ascii(pins.cardInfoPin()));
        byte[] myNumber = myNumberFile(holder);
        byte[] attributes = basicAttributesFile(holder);
        try {
            cardInfo.createBinary(CardLayout.CARD_INFO_MY_NUMBER, myNumber, CardLayout.CARD_INFO_PIN);
            cardInfo.createBinary(CardLayout.CARD_INFO_ATTRIBUTES, attributes, CardLayout.CARD_INFO_PIN);
        } finally {
            Arrays.fill(myNumber, (byte) 0);
            Arrays.fill(attributes, (byte) 0);
        }
        cardInfo.end();

        SimulatedCard card = new SimulatedCard(id, id, CardLayout.MY_NUMBER_CONTACT_ATR, runtime, authCert, signCert);
        card.powerOff();
        return card;
    }

    /** EF 0001 of the card-info AP: {@code FF 20 L { DF 21 0C <12 ASCII digits> }}. */
    static byte[] myNumberFile(Cardholder holder) {
        return BerTlv.encode(0xFF20, BerTlv.encode(0xDF21, ascii(holder.myNumber())));
    }

    /**
     * EF 0002 of the card-info AP: {@code FF 20 L { DF 21 03 header, DF 22 name, DF 23 address,
     * DF 24 birth date YYYYMMDD, DF 25 sex digit }}; name and address in UTF-8, lengths in BER
     * short, 81 or 82 form. The header is {@code 01 00 00} (format 1, no flags).
     */
    static byte[] basicAttributesFile(Cardholder holder) {
        byte[] body = BerTlv.concat(
                BerTlv.encode(0xDF21, new byte[] {0x01, 0x00, 0x00}),
                BerTlv.encode(0xDF22, holder.name().getBytes(StandardCharsets.UTF_8)),
                BerTlv.encode(0xDF23, holder.address().getBytes(StandardCharsets.UTF_8)),
                BerTlv.encode(0xDF24, ascii(holder.birthDate().format(BIRTH_DATE))),
                BerTlv.encode(0xDF25, new byte[] {(byte) holder.sex().code()}));
        return BerTlv.encode(0xFF20, body);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CardSimException(
                    CardSimException.Code.PERSONALISATION_FAILED,
                    "could not encode a certificate: " + e.getMessage(),
                    e);
        }
    }
}
