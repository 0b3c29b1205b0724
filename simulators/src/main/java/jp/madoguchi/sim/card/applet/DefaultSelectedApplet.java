package jp.madoguchi.sim.card.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/**
 * What the simulated card answers before any application is selected: it stands in for the
 * card's default-selected application (the MF on a native My Number card, the issuer security
 * domain on a Java Card). A SELECT of an AID the card does not hold gets 6A82, a SELECT of a file
 * 6A82, any other instruction 6D00, classes other than 00 and 80 6E00. PC/SC tools probe cards
 * this way before they find the application they know.
 *
 * <p>Not needed on a physical Java Card, whose issuer security domain plays this role.
 */
public final class DefaultSelectedApplet extends Applet {
    private static final byte INS_SELECT = (byte) 0xA4;

    private DefaultSelectedApplet() {}

    /** Java Card entry point: GlobalPlatform install parameters ({@code Li AID ...}). */
    public static void install(byte[] bArray, short bOffset, byte bLength) {
        new DefaultSelectedApplet().register(bArray, (short) (bOffset + 1), bArray[bOffset]);
    }

    @Override
    public void process(APDU apdu) {
        if (selectingApplet()) {
            return;
        }
        byte[] buf = apdu.getBuffer();
        byte cla = buf[ISO7816.OFFSET_CLA];
        if (cla != 0x00 && cla != (byte) 0x80) {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
        if (buf[ISO7816.OFFSET_INS] == INS_SELECT) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
}
