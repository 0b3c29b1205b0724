package jp.madoguchi.sim.card.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import javacard.framework.AID;
import javacard.framework.Applet;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.card.applet.MyNumberApplet;

/**
 * Installs applets into a card runtime and personalises one AP with the personalisation commands
 * of {@link MyNumberApplet}, in short APDUs as a personalisation machine would send them.
 */
public final class Personaliser {
    private static final int CHUNK = 240;

    private final CardRuntime runtime;

    private Personaliser(CardRuntime runtime) {
        this.runtime = runtime;
    }

    /** Installs {@code applet} under {@code aid} with GlobalPlatform-style install parameters. */
    public static void install(CardRuntime runtime, Class<? extends Applet> applet, byte[] aid) {
        byte[] params = new byte[aid.length + 3];
        params[0] = (byte) aid.length;
        System.arraycopy(aid, 0, params, 1, aid.length);
        // privileges length 0, application data length 0
        runtime.simulator().installApplet(new AID(aid, (short) 0, (byte) aid.length), applet, params, (short) 0, (byte)
                params.length);
    }

    /** Selects the AP {@code aid} for personalisation. */
    public static Personaliser select(CardRuntime runtime, byte[] aid) {
        Personaliser personaliser = new Personaliser(runtime);
        personaliser.send(0x00, 0xA4, 0x04, 0x0C, aid, "SELECT AP");
        return personaliser;
    }

    /** Creates a PIN EF with its retry limit and length range and sets its value (then zeroed). */
    public void createPin(int fid, int tries, int minLength, int maxLength, byte[] value) {
        create(fid, MyNumberApplet.TYPE_PIN, MyNumberApplet.ACCESS_ALWAYS, tries, minLength, maxLength);
        try {
            send(0x80, MyNumberApplet.INS_SET_PIN & 0xFF, 0, 0, value, "SET PIN " + hexId(fid));
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** Creates a binary EF holding {@code content}, readable once {@code accessPin} is verified. */
    public void createBinary(int fid, byte[] content, int accessPin) {
        create(fid, MyNumberApplet.TYPE_BINARY, accessPin, content.length >>> 8, content.length & 0xFF, 0);
        for (int offset = 0; offset < content.length; offset += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + CHUNK));
            send(
                    0x80,
                    MyNumberApplet.INS_WRITE_BINARY & 0xFF,
                    offset >>> 8,
                    offset & 0xFF,
                    chunk,
                    "WRITE " + hexId(fid));
        }
    }

    /** Creates an RSA-2048 key EF usable once {@code accessPin} is verified. */
    public void createRsaKey(int fid, RSAPrivateCrtKey key, int accessPin) {
        if (key.getModulus().bitLength() != 2048) {
            throw failed("key " + hexId(fid) + " is not RSA-2048");
        }
        create(fid, MyNumberApplet.TYPE_RSA_KEY, accessPin, 0x08, 0x00, 0);
        putComponent(MyNumberApplet.KEY_P, key.getPrimeP());
        putComponent(MyNumberApplet.KEY_Q, key.getPrimeQ());
        putComponent(MyNumberApplet.KEY_DP, key.getPrimeExponentP());
        putComponent(MyNumberApplet.KEY_DQ, key.getPrimeExponentQ());
        putComponent(MyNumberApplet.KEY_PQ, key.getCrtCoefficient());
    }

    /** Ends personalisation: the personalisation commands are gone from now on. */
    public void end() {
        send(0x80, MyNumberApplet.INS_END_PERSONALISATION & 0xFF, 0, 0, new byte[0], "END PERSONALISATION");
    }

    private void create(int fid, byte type, int access, int a, int b, int c) {
        byte[] data = {
            (byte) (fid >>> 8), (byte) fid, type, (byte) (access >>> 8), (byte) access, (byte) a, (byte) b, (byte) c
        };
        send(0x80, MyNumberApplet.INS_CREATE_FILE & 0xFF, 0, 0, data, "CREATE " + hexId(fid));
    }

    private void putComponent(byte component, BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        try {
            send(0x80, MyNumberApplet.INS_PUT_KEY & 0xFF, 0, component, bytes, "PUT KEY " + component);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private void send(int cla, int ins, int p1, int p2, byte[] data, String what) {
        ByteArrayOutputStream command = new ByteArrayOutputStream(5 + data.length);
        command.write(cla);
        command.write(ins);
        command.write(p1);
        command.write(p2);
        if (data.length > 0) {
            command.write(data.length);
            command.writeBytes(data);
        }
        byte[] apdu = command.toByteArray();
        byte[] response = runtime.simulator().transmitCommand(apdu);
        Arrays.fill(apdu, (byte) 0);
        int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        if (sw != 0x9000) {
            throw failed(what + " answered " + String.format("%04X", sw));
        }
    }

    private static String hexId(int fid) {
        return String.format("%04X", fid);
    }

    private static CardSimException failed(String message) {
        return new CardSimException(
                CardSimException.Code.PERSONALISATION_FAILED,
                "the simulated card refused its personalisation: " + message + " (a simulator bug; report it)");
    }
}
