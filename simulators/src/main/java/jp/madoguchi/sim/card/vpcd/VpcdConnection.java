package jp.madoguchi.sim.card.vpcd;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import jp.madoguchi.sim.card.CardContact;
import jp.madoguchi.sim.card.CardSimException;

/**
 * One TCP connection to pcscd's vpcd driver, serving one inserted card until either side ends it.
 *
 * <p>The vpcd protocol (vsmartcard's virtual smart card reader): every message in both directions
 * is a 2-byte big-endian length and that many bytes. From the reader, a 1-byte message is a
 * control: {@link #POWER_OFF}, {@link #POWER_ON}, {@link #RESET} (no answer) or {@link #GET_ATR}
 * (answered with the ATR); a longer one is a command APDU, answered with the response APDU. The
 * card is "inserted" while the connection is open.
 */
final class VpcdConnection {
    static final int POWER_OFF = 0x00;
    static final int POWER_ON = 0x01;
    static final int RESET = 0x02;
    static final int GET_ATR = 0x04;

    /** Why serving ended. */
    enum End {
        /** pcscd closed the connection (it stopped or restarted). */
        READER_CLOSED,
        /** The card was removed (or the client is stopping). */
        CARD_GONE
    }

    interface Activity {
        /** Called once, when pcscd sends its first message on this connection. */
        void readerTalked();
    }

    private final Socket socket;
    private final CardContact contact;

    VpcdConnection(Socket socket, CardContact contact) {
        this.socket = socket;
        this.contact = contact;
    }

    /**
     * pcscd writes a message's length and its body separately; with Nagle's algorithm on its side
     * the body waits for our ACK of the length, and Linux delays that ACK by up to 40 ms, which
     * made every APDU through vpcd cost ~45 ms. Quick-ACK mode (the kernel drops it again after
     * a while, so it is set before every read) acknowledges at once. Where the option does not
     * exist the link just stays slower.
     */
    private void acknowledgeAtOnce() {
        if (!quickAck) {
            return;
        }
        try {
            socket.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException | UnsupportedOperationException e) {
            quickAck = false;
        }
    }

    private boolean quickAck = true;

    /** Serves messages until the connection or the card ends; blocks the calling thread. */
    End serve(Activity activity) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        boolean talked = false;
        while (true) {
            int length;
            try {
                acknowledgeAtOnce();
                length = in.readUnsignedShort();
            } catch (EOFException e) {
                return End.READER_CLOSED;
            }
            acknowledgeAtOnce();
            byte[] message = in.readNBytes(length);
            if (message.length < length) {
                return End.READER_CLOSED;
            }
            if (!talked) {
                talked = true;
                activity.readerTalked();
            }
            try {
                if (length == 1) {
                    control(message[0] & 0xFF, out);
                } else if (length > 1) {
                    byte[] response;
                    try {
                        response = contact.transmit(message);
                    } finally {
                        Arrays.fill(message, (byte) 0);
                    }
                    send(out, response);
                }
            } catch (CardSimException e) {
                // Removed (possibly while muted) or stopping: no answer, the socket closes.
                return End.CARD_GONE;
            }
        }
    }

    private void control(int code, OutputStream out) throws IOException {
        switch (code) {
            case POWER_OFF -> contact.powerOff();
            case POWER_ON, RESET -> contact.reset();
            case GET_ATR -> send(out, contact.atr());
            default -> {
                // Unknown controls get no answer, as the vpcd reader expects none.
            }
        }
    }

    private static void send(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > 0xFFFF) {
            throw new IOException("vpcd messages hold at most 65535 bytes, not " + payload.length);
        }
        out.write(payload.length >>> 8);
        out.write(payload.length & 0xFF);
        out.write(payload);
        out.flush();
    }
}
