package jp.madoguchi.sim.card.vpcd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * The reader side of the vpcd protocol, scripted by a test: listens on loopback like pcscd's vpcd
 * driver, accepts the card's connection and sends it controls and APDUs. Stands in for pcscd
 * where a test must make the reader fail (go away, come back) on cue.
 */
final class FakeVpcdReader implements AutoCloseable {
    private final ServerSocket server;
    private Socket card;
    private DataInputStream in;
    private DataOutputStream out;

    private FakeVpcdReader(ServerSocket server) {
        this.server = server;
    }

    /** Listens on an ephemeral loopback port. */
    static FakeVpcdReader listen() throws IOException {
        return listen(0);
    }

    /** Listens on {@code port} of loopback (0: any free port). */
    static FakeVpcdReader listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        server.setSoTimeout(5000);
        return new FakeVpcdReader(server);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits (at most 5 s) for the card to connect. */
    void acceptCard() throws IOException {
        card = server.accept();
        card.setSoTimeout(5000);
        in = new DataInputStream(card.getInputStream());
        out = new DataOutputStream(card.getOutputStream());
    }

    void control(int code) throws IOException {
        out.writeShort(1);
        out.writeByte(code);
        out.flush();
    }

    byte[] atr() throws IOException {
        control(VpcdConnection.GET_ATR);
        return receive();
    }

    byte[] transmit(byte[] apdu) throws IOException {
        send(apdu);
        return receive();
    }

    void send(byte[] apdu) throws IOException {
        out.writeShort(apdu.length);
        out.write(apdu);
        out.flush();
    }

    /** The next message from the card; fails after the socket timeout. */
    byte[] receive() throws IOException {
        int length = in.readUnsignedShort();
        return in.readNBytes(length);
    }

    /** Waits up to {@code limit} for a message; true if one began (or the stream ended). */
    boolean answersWithin(Duration limit) throws IOException {
        card.setSoTimeout((int) limit.toMillis());
        try {
            return in.read() != -2;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } finally {
            card.setSoTimeout(5000);
        }
    }

    /** True once the card closed its side (reads end). */
    boolean cardHungUp() throws IOException {
        return in.read() == -1;
    }

    /** Drops the card's connection, as pcscd does when it stops. */
    void dropCard() throws IOException {
        card.close();
    }

    @Override
    public void close() throws IOException {
        if (card != null) {
            card.close();
        }
        server.close();
    }
}
