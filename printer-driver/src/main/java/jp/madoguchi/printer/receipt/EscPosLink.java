package jp.madoguchi.printer.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * How the kiosk reaches an ESC/POS printer: a TCP socket (port 9100, "raw" printing), a USB
 * printer device ({@code /dev/usb/lp0}) or a serial port ({@code /dev/ttyUSB0}, line settings made
 * with {@code stty} beforehand). A connection is opened per receipt and every wait is bounded.
 */
public interface EscPosLink {

    /** Opens a connection. */
    Connection open();

    /** An open connection: bytes to the printer, single status bytes back. */
    interface Connection extends AutoCloseable {
        void write(byte[] bytes);

        /** The next byte from the printer, or -1 when none came within the timeout. */
        int read(Duration timeout);

        @Override
        void close();
    }

    /** A network printer (TCP, usually port 9100). */
    static EscPosLink tcp(String host, int port, Duration connectTimeout) {
        Objects.requireNonNull(host, "host");
        return () -> {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
                socket.setTcpNoDelay(true);
                return new SocketConnection(socket);
            } catch (IOException e) {
                closeQuietly(socket);
                throw new PrinterException(
                        ErrorCode.RECEIPT_PRINTER_UNREACHABLE, "TCP " + host + ":" + port + ": " + e.getMessage(), e);
            }
        };
    }

    /** A USB printer device or serial port: one path, written and read. */
    static EscPosLink device(Path device, Duration openTimeout) {
        return device(device, device, openTimeout);
    }

    /**
     * A device whose two directions are separate paths (e.g. a pair of FIFOs to a printer
     * emulator); a real device uses {@link #device(Path, Duration)}.
     */
    static EscPosLink device(Path toPrinter, Path fromPrinter, Duration openTimeout) {
        Objects.requireNonNull(toPrinter, "toPrinter");
        Objects.requireNonNull(fromPrinter, "fromPrinter");
        return () -> DeviceConnection.open(toPrinter, fromPrinter, openTimeout);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing after a failure: nothing more to do.
        }
    }

    /** TCP: socket timeouts bound every read. */
    final class SocketConnection implements Connection {
        private final Socket socket;

        SocketConnection(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void write(byte[] bytes) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new PrinterException(ErrorCode.RECEIPT_PRINTER_UNREACHABLE, "write failed: " + e.getMessage(), e);
            }
        }

        @Override
        public int read(Duration timeout) {
            try {
                socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
                return socket.getInputStream().read();
            } catch (SocketTimeoutException e) {
                return -1;
            } catch (IOException e) {
                throw new PrinterException(ErrorCode.RECEIPT_PRINTER_UNREACHABLE, "read failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    /**
     * Device files: blocking streams without timeouts, so opening and reading happen on a daemon
     * thread and the caller waits a bounded time for them.
     */
    final class DeviceConnection implements Connection {
        private final OutputStream out;
        private final InputStream in;
        private final BlockingQueue<Integer> received = new ArrayBlockingQueue<>(256);

        private DeviceConnection(OutputStream out, InputStream in) {
            this.out = out;
            this.in = in;
            Thread pump = new Thread(this::pump, "escpos-device-reader");
            pump.setDaemon(true);
            pump.start();
        }

        static DeviceConnection open(Path toPrinter, Path fromPrinter, Duration timeout) {
            // Opening a FIFO (or a busy device) blocks until the other side is there.
            CompletableFuture<DeviceConnection> opening = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = Files.newOutputStream(toPrinter);
                    InputStream in = Files.newInputStream(fromPrinter);
                    return new DeviceConnection(out, in);
                } catch (IOException e) {
                    throw new PrinterException(
                            ErrorCode.RECEIPT_PRINTER_UNREACHABLE, toPrinter + ": " + e.getMessage(), e);
                }
            });
            try {
                return opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                opening.thenAccept(DeviceConnection::close);
                throw new PrinterException(
                        ErrorCode.RECEIPT_PRINTER_UNREACHABLE, toPrinter + " did not open within " + timeout);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PrinterException p) {
                    throw p;
                }
                throw new PrinterException(ErrorCode.RECEIPT_PRINTER_UNREACHABLE, toPrinter.toString(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                opening.thenAccept(DeviceConnection::close);
                throw new PrinterException(ErrorCode.RECEIPT_PRINTER_UNREACHABLE, "interrupted opening " + toPrinter);
            }
        }

        private void pump() {
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    if (!received.offer(b)) {
                        received.poll();
                        received.offer(b);
                    }
                }
            } catch (IOException e) {
                // The device went away or was closed: reads time out from now on.
            }
        }

        @Override
        public void write(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new PrinterException(ErrorCode.RECEIPT_PRINTER_UNREACHABLE, "write failed: " + e.getMessage(), e);
            }
        }

        @Override
        public int read(Duration timeout) {
            try {
                Integer b = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return b == null ? -1 : b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Drops status bytes left over from an earlier exchange. */
        void drain() {
            received.clear();
        }

        @Override
        public void close() {
            closeQuietly(out);
            closeQuietly(in);
        }
    }
}
