package jp.madoguchi.sim.card.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Where things live on the simulated My Number card: AIDs, file ids and fixed contents. */
public final class CardLayout {
    private CardLayout() {}

    /** JPKI AP (公的個人認証AP). */
    public static final byte[] JPKI_AID = hex("D392F000260100000001");
    /** Card-info input support AP (券面事項入力補助AP). */
    public static final byte[] CARD_INFO_AID = hex("D3921000310001010408");
    /** The default-selected application (the GlobalPlatform issuer security domain's AID). */
    public static final byte[] DEFAULT_AID = hex("A000000151000000");

    public static final short JPKI_AUTH_CERT = 0x000A;
    public static final short JPKI_AUTH_CA_CERT = 0x000B;
    public static final short JPKI_SIGN_CERT = 0x0001;
    public static final short JPKI_SIGN_CA_CERT = 0x0002;
    public static final short JPKI_TOKEN_INFO = 0x0006;
    public static final short JPKI_AUTH_KEY = 0x0017;
    public static final short JPKI_AUTH_PIN = 0x0018;
    public static final short JPKI_SIGN_KEY = 0x001A;
    public static final short JPKI_SIGN_PASSWORD = 0x001B;

    public static final short CARD_INFO_MY_NUMBER = 0x0001;
    public static final short CARD_INFO_ATTRIBUTES = 0x0002;
    public static final short CARD_INFO_PIN = 0x0011;

    /** The token info marker of a My Number card. */
    public static final String TOKEN_LABEL = "JPKIAPICCTOKEN2";
    /** Token info EF size. */
    public static final int TOKEN_INFO_LENGTH = 32;

    /** Contact ATR of a My Number card (as listed in pcsc-tools' smartcard_list). */
    public static final byte[] MY_NUMBER_CONTACT_ATR = hex("3BC5FF8131FB458073C6010000");

    /**
     * ATR of the simulated foreign card: T=1 only, ten historical bytes "FOREIGN-JC", with the
     * check byte that makes the ATR's XOR zero.
     */
    public static final byte[] FOREIGN_ATR = withCheckByte(hex("3B8A01464F524549474E2D4A43"));

    /** The 32-byte token info: {@link #TOKEN_LABEL} padded with spaces. */
    public static byte[] tokenInfo() {
        byte[] info = new byte[TOKEN_INFO_LENGTH];
        Arrays.fill(info, (byte) ' ');
        byte[] label = TOKEN_LABEL.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(label, 0, info, 0, label.length);
        return info;
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static byte[] withCheckByte(byte[] atrWithoutTck) {
        byte tck = 0;
        for (int i = 1; i < atrWithoutTck.length; i++) {
            tck ^= atrWithoutTck[i];
        }
        byte[] atr = Arrays.copyOf(atrWithoutTck, atrWithoutTck.length + 1);
        atr[atr.length - 1] = tck;
        return atr;
    }
}
