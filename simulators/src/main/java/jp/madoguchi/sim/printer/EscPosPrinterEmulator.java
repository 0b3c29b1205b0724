package jp.madoguchi.sim.printer;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import jp.madoguchi.fonts.KioskTypeface;
import jp.madoguchi.sim.printer.internal.EscPosCommand;
import jp.madoguchi.sim.printer.internal.EscPosTokenizer;
import jp.madoguchi.sim.printer.internal.ReceiptCanvas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer in software: it listens on 127.0.0.1 (like a network printer on port
 * 9100) or serves a stream pair (like a USB or serial device), interprets the commands the kiosk
 * sends, prints each receipt up to its cut to an image and to text, answers DLE EOT status
 * requests, and can be driven into trouble: {@link #paperOut()}, {@link #openCover()}, {@link
 * #goOffline()}, {@link #paperNearEnd(boolean)}, {@link #paperEndsAfterLines(int)}.
 *
 * <p>Like a real printer it holds what it receives while it cannot print and prints it once it
 * can again, unless the host clears its buffers (DLE DC4 8) — the emulator keeps the partial
 * receipt then as an uncut one.
 *
 * <p>Use from tests: {@code start(0, null)}, connect the driver to {@link #port()}, read back
 * {@link #receipts()}.
 */
public final class EscPosPrinterEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinterEmulator.class);
    private static final Charset SHIFT_JIS = Charset.forName("MS932");
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;

    private final ServerSocket server;
    private final Path outDir;
    private final Font regular;
    private final Font bold;
    private final List<EmulatedReceipt> receipts = new CopyOnWriteArrayList<>();
    private final List<Consumer<EmulatedReceipt>> listeners = new CopyOnWriteArrayList<>();
    private final List<EscPosCommand> held = new ArrayList<>();

    // Printer state, guarded by this.
    private boolean paperEnd;
    private boolean nearEnd;
    private boolean coverOpen;
    private boolean offline;
    private int paperLeftLines = -1;
    private ReceiptCanvas canvas = new ReceiptCanvas();
    private int justify;
    private boolean emphasis;
    private int width = 1;
    private int height = 1;
    private String qrData = "";
    private int qrModule = 3;
    private ErrorCorrectionLevel qrLevel = ErrorCorrectionLevel.M;
    private volatile boolean closed;

    private EscPosPrinterEmulator(ServerSocket server, Path outDir) {
        this.server = server;
        this.outDir = outDir;
        this.regular = font(KioskTypeface.REGULAR);
        this.bold = font(KioskTypeface.BOLD);
    }

    /**
     * Starts the emulator on 127.0.0.1.
     *
     * @param port the TCP port (0 picks a free one; 9100 is the usual printer port)
     * @param outDir where to write {@code receipt-0001.png} and {@code .txt}; null keeps receipts in memory only
     */
    public static EscPosPrinterEmulator start(int port, Path outDir) {
        try {
            if (outDir != null) {
                Files.createDirectories(outDir);
            }
            ServerSocket server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
            EscPosPrinterEmulator emulator = new EscPosPrinterEmulator(server, outDir);
            Thread acceptor = new Thread(emulator::acceptLoop, "escpos-emulator-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            LOG.info("ESC/POS printer emulator on 127.0.0.1:{}", server.getLocalPort());
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the ESC/POS emulator cannot listen on port " + port, e);
        }
    }

    /** The TCP port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Serves one stream pair as a device file would (USB printer class or serial port): reads
     * commands from {@code fromHost}, writes status bytes to {@code toHost}, until end of stream.
     */
    public Thread attach(InputStream fromHost, OutputStream toHost) {
        Thread thread = new Thread(() -> serve(fromHost, toHost), "escpos-emulator-device");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Serves a pair of named pipes as a device file would be served: the host writes commands to
     * {@code fromHost} and reads status bytes from {@code toHost} (see {@code EscPosLink.device}).
     * Each time the host closes its side, the emulator opens the pipes again for the next receipt.
     */
    public Thread attachPipes(Path fromHost, Path toHost) {
        Thread thread = new Thread(
                () -> {
                    while (!closed) {
                        // Opening blocks until the host opens its ends, in this order.
                        try (InputStream in = Files.newInputStream(fromHost);
                                OutputStream out = Files.newOutputStream(toHost)) {
                            serve(in, out);
                        } catch (IOException e) {
                            if (!closed) {
                                LOG.warn("emulator: pipe failed: {}", e.getMessage());
                            }
                            return;
                        }
                    }
                },
                "escpos-emulator-pipes");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Called with each receipt as it comes out. */
    public void onReceipt(Consumer<EmulatedReceipt> listener) {
        listeners.add(listener);
    }

    /** The receipts printed so far, in order. */
    public List<EmulatedReceipt> receipts() {
        return List.copyOf(receipts);
    }

    /** The roll runs out now. */
    public synchronized void paperOut() {
        paperEnd = true;
        LOG.info("emulator: paper out");
    }

    /** The roll runs out after this many more printed lines (mid-receipt trouble). */
    public synchronized void paperEndsAfterLines(int lines) {
        paperLeftLines = lines;
    }

    /** A new roll is loaded: held data prints now. */
    public synchronized void paperIn() {
        paperEnd = false;
        nearEnd = false;
        paperLeftLines = -1;
        LOG.info("emulator: paper loaded");
        resume();
    }

    /** The near-end sensor sees (or no longer sees) the roll getting thin. */
    public synchronized void paperNearEnd(boolean near) {
        nearEnd = near;
    }

    public synchronized void openCover() {
        coverOpen = true;
        LOG.info("emulator: cover open");
    }

    public synchronized void closeCover() {
        coverOpen = false;
        LOG.info("emulator: cover closed");
        resume();
    }

    public synchronized void goOffline() {
        offline = true;
    }

    public synchronized void goOnline() {
        offline = false;
        resume();
    }

    /** A one-line description of the sensors, for the command line. */
    public synchronized String describe() {
        return "paper " + (paperEnd ? "OUT" : nearEnd ? "near end" : "ok") + ", cover "
                + (coverOpen ? "OPEN" : "closed")
                + ", " + (offline || !canPrint() ? "offline" : "online") + ", " + held.size() + " commands held, "
                + receipts.size() + " receipts printed";
    }

    private boolean canPrint() {
        return !paperEnd && !coverOpen && !offline;
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                serve(socket.getInputStream(), socket.getOutputStream());
            } catch (SocketTimeoutException e) {
                LOG.info("emulator: idle connection closed");
            } catch (SocketException e) {
                if (!closed) {
                    LOG.warn("emulator: connection failed: {}", e.getMessage());
                }
            } catch (IOException e) {
                LOG.warn("emulator: connection failed: {}", e.getMessage());
            }
        }
    }

    private void serve(InputStream in, OutputStream out) {
        EscPosTokenizer tokenizer = new EscPosTokenizer();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (EscPosCommand command : tokenizer.feed(buffer, n)) {
                    byte[] answer = accept(command);
                    if (answer != null) {
                        out.write(answer);
                        out.flush();
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            LOG.info("emulator: idle connection closed");
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("emulator: stream ended: {}", e.getMessage());
            }
        }
    }

    /** Takes one command; returns bytes to send back (status), or null. */
    private synchronized byte[] accept(EscPosCommand command) {
        if (command instanceof EscPosCommand.StatusRequest status) {
            return new byte[] {statusByte(status.n())};
        }
        if (command instanceof EscPosCommand.ClearBuffers) {
            held.clear();
            if (!canvas.isEmpty()) {
                finish(false);
            }
            return null;
        }
        if (!canPrint() || !held.isEmpty()) {
            held.add(command);
            return null;
        }
        execute(command);
        return null;
    }

    /** DLE EOT n answers: fixed bits 1 and 4 set, then the state bits. */
    private byte statusByte(int n) {
        int b = 0x12;
        switch (n) {
            case 1 -> b |= canPrint() ? 0 : 0x08;
            case 2 -> b |= (coverOpen ? 0x04 : 0) | (paperEnd ? 0x20 : 0);
            case 3 -> b |= 0;
            case 4 -> b |= (nearEnd || paperEnd ? 0x0c : 0) | (paperEnd ? 0x60 : 0);
            default -> b |= 0;
        }
        return (byte) b;
    }

    private void resume() {
        while (canPrint() && !held.isEmpty()) {
            execute(held.remove(0));
        }
    }

    private void execute(EscPosCommand command) {
        if (command instanceof EscPosCommand.Text text) {
            // Single bytes decode the same way: ASCII and the half-width katakana page.
            canvas.text(new String(text.bytes(), SHIFT_JIS), emphasis, width, height);
        } else if (command instanceof EscPosCommand.LineFeed) {
            canvas.lineFeed(justify);
            linePrinted();
        } else if (command instanceof EscPosCommand.FeedLines feed) {
            canvas.flushLine(justify);
            for (int i = 0; i < feed.n(); i++) {
                canvas.lineFeed(justify);
            }
            linePrinted();
        } else if (command instanceof EscPosCommand.Initialize) {
            canvas.clearLine();
            justify = 0;
            emphasis = false;
            width = 1;
            height = 1;
        } else if (command instanceof EscPosCommand.Justify j) {
            justify = j.n();
        } else if (command instanceof EscPosCommand.Emphasis e) {
            emphasis = e.on();
        } else if (command instanceof EscPosCommand.CharacterSize size) {
            width = size.width() + 1;
            height = size.height() + 1;
        } else if (command instanceof EscPosCommand.KanjiMode) {
            // The tokenizer follows kanji mode: it decides how text bytes pair up.
        } else if (command instanceof EscPosCommand.QrFunction qr) {
            qrFunction(qr);
        } else if (command instanceof EscPosCommand.Cut) {
            canvas.flushLine(justify);
            finish(true);
        }
    }

    private void qrFunction(EscPosCommand.QrFunction qr) {
        byte[] p = qr.parameters();
        switch (qr.fn()) {
            case 67 -> qrModule = p.length > 0 ? p[0] & 0xff : qrModule;
            case 69 -> qrLevel = switch (p.length > 0 ? p[0] & 0xff : 49) {
                case 48 -> ErrorCorrectionLevel.L;
                case 50 -> ErrorCorrectionLevel.Q;
                case 51 -> ErrorCorrectionLevel.H;
                default -> ErrorCorrectionLevel.M;
            };
            case 80 -> qrData = p.length > 1 ? new String(p, 1, p.length - 1, SHIFT_JIS) : "";
            case 81 -> {
                if (!qrData.isEmpty()) {
                    canvas.qr(qrData, qrModule, qrLevel, justify);
                    linePrinted();
                }
            }
            default -> {}
        }
    }

    /** Counts paper used; a roll set to end runs out here and the rest is held. */
    private void linePrinted() {
        if (paperLeftLines > 0 && --paperLeftLines == 0) {
            paperEnd = true;
            paperLeftLines = -1;
            LOG.info("emulator: paper ran out mid-receipt");
        }
    }

    private void finish(boolean cut) {
        int number = receipts.size() + 1;
        String text = canvas.toText();
        BufferedImage image = canvas.render(regular, bold);
        Optional<Path> png = Optional.empty();
        Optional<Path> txt = Optional.empty();
        if (outDir != null) {
            try {
                Path p = outDir.resolve(String.format("receipt-%04d.png", number));
                Path t = outDir.resolve(String.format("receipt-%04d.txt", number));
                ImageIO.write(image, "png", p.toFile());
                Files.writeString(t, text, StandardCharsets.UTF_8);
                png = Optional.of(p);
                txt = Optional.of(t);
            } catch (IOException e) {
                LOG.warn("emulator: cannot write receipt {}: {}", number, e.getMessage());
            }
        }
        EmulatedReceipt receipt = new EmulatedReceipt(number, text, image, canvas.qrCodes(), cut, png, txt);
        receipts.add(receipt);
        canvas = new ReceiptCanvas();
        LOG.info("emulator: receipt {} {}", number, cut ? "cut" : "left uncut (buffer cleared)");
        for (Consumer<EmulatedReceipt> listener : listeners) {
            listener.accept(receipt);
        }
    }

    private static Font font(KioskTypeface face) {
        try (InputStream in = face.open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the kiosk font cannot be loaded for receipt images", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Closing: nothing left to do.
        }
    }
}
