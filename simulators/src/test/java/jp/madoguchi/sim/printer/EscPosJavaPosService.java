package jp.madoguchi.sim.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.Charset;
import jpos.JposConst;
import jpos.JposException;
import jpos.config.JposEntry;
import jpos.loader.JposServiceInstance;
import jpos.loader.JposServiceInstanceFactory;
import jpos.services.POSPrinterService115;

/**
 * A minimal JavaPOS POSPrinter service standing in for a vendor's driver: the UnifiedPOS calls of
 * the kiosk's JavaPOS adapter become ESC/POS bytes sent to the emulated printer (whose port comes
 * from the jpos entry property {@code port}). Only what a receipt needs is implemented; any other
 * property reads as zero, false or null, as a driver for a simple printer would report it.
 */
public final class EscPosJavaPosService implements InvocationHandler {
    private static final Charset SHIFT_JIS = Charset.forName("MS932");

    /** Registered in jpos entries as {@code serviceInstanceFactoryClass}. */
    public static final class Factory implements JposServiceInstanceFactory {
        @Override
        public JposServiceInstance createInstance(String logicalName, JposEntry entry) {
            int port = Integer.parseInt(String.valueOf(entry.getPropertyValue("port")));
            return (JposServiceInstance) Proxy.newProxyInstance(
                    EscPosJavaPosService.class.getClassLoader(),
                    new Class<?>[] {POSPrinterService115.class, JposServiceInstance.class},
                    new EscPosJavaPosService(port));
        }
    }

    private final int port;
    private Socket socket;
    private boolean enabled;
    private final ByteArrayOutputStream transaction = new ByteArrayOutputStream();
    private boolean inTransaction;

    private EscPosJavaPosService(int port) {
        this.port = port;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getDeviceServiceVersion":
                return 1015000;
            case "open":
                socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(2000);
                return null;
            case "close":
            case "deleteInstance":
                if (socket != null) {
                    socket.close();
                }
                return null;
            case "setDeviceEnabled":
                enabled = (Boolean) args[0];
                if (enabled) {
                    send(new byte[] {0x1b, '@', 0x1c, 'C', 1, 0x1c, '&'});
                }
                return null;
            case "getDeviceEnabled":
                return enabled;
            case "getCapRecPresent":
                return true;
            case "getState":
                return JposConst.JPOS_S_IDLE;
            case "getPowerState":
                return JposConst.JPOS_PS_ONLINE;
            case "getCoverOpen":
                return (status(2) & 0x04) != 0;
            case "getRecEmpty":
                return (status(4) & 0x60) == 0x60;
            case "getRecNearEnd":
                return (status(4) & 0x0c) == 0x0c;
            case "transactionPrint":
                if ((Integer) args[1] == 11) {
                    inTransaction = true;
                    transaction.reset();
                } else {
                    inTransaction = false;
                    send(transaction.toByteArray());
                }
                return null;
            case "printNormal":
                print(unifiedPosToEscPos((String) args[1]));
                return null;
            case "printBarCode":
                print(qr((String) args[1]));
                return null;
            case "cutPaper":
                print(new byte[] {0x1b, 'd', 3, 0x1d, 'V', 66, 0});
                return null;
            default:
                return defaultValue(method.getReturnType());
        }
    }

    private void print(byte[] bytes) throws IOException {
        if (inTransaction) {
            transaction.writeBytes(bytes);
        } else {
            send(bytes);
        }
    }

    private void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    private int status(int n) throws IOException, JposException {
        send(new byte[] {0x10, 0x04, (byte) n});
        InputStream in = socket.getInputStream();
        int b = in.read();
        if (b < 0) {
            throw new JposException(JposConst.JPOS_E_OFFLINE, "no status from the printer");
        }
        return b;
    }

    /** UnifiedPOS escape sequences (ESC|cA, ESC|bC, ESC|4C, ESC|N, ESC|nlF) to ESC/POS. */
    static byte[] unifiedPosToEscPos(String data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length()) {
            if (data.startsWith("\u001b|", i)) {
                // ESC | [digits] [lower-case letters] Upper-case letter, e.g. cA, bC, 4C, N, 3lF.
                int end = i + 2;
                while (end < data.length() && Character.isDigit(data.charAt(end))) {
                    end++;
                }
                while (end < data.length() && Character.isLowerCase(data.charAt(end))) {
                    end++;
                }
                String code = data.substring(i + 2, Math.min(data.length(), end + 1));
                switch (code) {
                    case "cA" -> out.writeBytes(new byte[] {0x1b, 'a', 1});
                    case "rA" -> out.writeBytes(new byte[] {0x1b, 'a', 2});
                    case "bC" -> out.writeBytes(new byte[] {0x1b, 'E', 1});
                    case "4C" -> out.writeBytes(new byte[] {0x1d, '!', 0x11});
                    case "N" -> out.writeBytes(new byte[] {0x1b, 'a', 0, 0x1b, 'E', 0, 0x1d, '!', 0});
                    default -> {
                        if (code.endsWith("lF")) {
                            int lines = Integer.parseInt(code.substring(0, code.length() - 2));
                            out.writeBytes(new byte[] {0x1b, 'd', (byte) lines});
                        }
                    }
                }
                i = end + 1;
            } else {
                int next = data.indexOf('\u001b', i);
                String text = data.substring(i, next < 0 ? data.length() : next);
                out.writeBytes(text.getBytes(SHIFT_JIS));
                i = next < 0 ? data.length() : next;
            }
        }
        return out.toByteArray();
    }

    private static byte[] qr(String data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = data.getBytes(SHIFT_JIS);
        out.writeBytes(new byte[] {0x1b, 'a', 1});
        out.writeBytes(new byte[] {0x1d, '(', 'k', 3, 0, 49, 67, 6});
        int length = bytes.length + 3;
        out.writeBytes(new byte[] {0x1d, '(', 'k', (byte) length, (byte) (length >> 8), 49, 80, 48});
        out.writeBytes(bytes);
        out.writeBytes(new byte[] {0x1d, '(', 'k', 3, 0, 49, 81, 48, 0x0a, 0x1b, 'a', 0});
        return out.toByteArray();
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
