package jp.madoguchi.printer.ipp.internal;

import com.hp.jipp.encoding.IppPacket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * IPP over HTTP with the JDK client: one POST of {@code application/ipp} per operation, the
 * document (if any) following the IPP message in the same body, straight from memory. Answers are
 * limited in size and time; anything that is not a well-formed IPP answer becomes a {@link
 * PrinterException}, never a library exception.
 */
public final class IppExchange {
    private static final int MAX_RESPONSE = 1024 * 1024;

    private final HttpClient http;
    private final URI httpUri;
    private final AtomicInteger requestIds = new AtomicInteger(1);

    public IppExchange(URI printerUri, Duration connectTimeout) {
        this.httpUri = toHttp(printerUri);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** ipp://host/path → http://host:631/path; ipps → https (port 443 unless given). */
    static URI toHttp(URI printerUri) {
        String scheme = printerUri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("ipps") || scheme.equals("https");
        int port = printerUri.getPort();
        if (port < 0) {
            port = scheme.equals("ipp") ? 631 : secure ? 443 : 80;
        }
        String path =
                printerUri.getRawPath() == null || printerUri.getRawPath().isEmpty() ? "/" : printerUri.getRawPath();
        return URI.create((secure ? "https" : "http") + "://" + hostForUri(printerUri.getHost()) + ":" + port + path);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** A fresh request id for the next request. */
    public int nextRequestId() {
        return requestIds.getAndIncrement();
    }

    /**
     * Sends one IPP request (with optional document bytes) and returns the answer.
     *
     * @throws PrinterException PRINTER_UNREACHABLE (no connection, no answer in time) or
     *     PRINTER_PROTOCOL_ERROR (HTTP error, not IPP)
     */
    public IppPacket send(IppPacket request, byte[] document, Duration timeout) throws InterruptedException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(512);
        try {
            request.write(header);
        } catch (IOException e) {
            throw new IllegalStateException("an IPP request could not be encoded in memory", e);
        }
        List<byte[]> parts = document == null ? List.of(header.toByteArray()) : List.of(header.toByteArray(), document);
        HttpRequest httpRequest = HttpRequest.newBuilder(httpUri)
                .timeout(timeout)
                .header("Content-Type", "application/ipp")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
                .build();
        String operation = request.getOperation().getName();
        HttpResponse<InputStream> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new PrinterException(
                    ErrorCode.PRINTER_UNREACHABLE, operation + ": no connection within " + timeout, e);
        } catch (HttpTimeoutException e) {
            throw new PrinterException(ErrorCode.PRINTER_UNREACHABLE, operation + ": no answer within " + timeout, e);
        } catch (ConnectException e) {
            throw new PrinterException(ErrorCode.PRINTER_UNREACHABLE, operation + ": connection refused", e);
        } catch (IOException e) {
            throw new PrinterException(
                    ErrorCode.PRINTER_UNREACHABLE,
                    operation + ": " + e.getClass().getSimpleName(),
                    e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_RESPONSE + 1);
        } catch (IOException e) {
            throw new PrinterException(ErrorCode.PRINTER_UNREACHABLE, operation + ": answer cut off", e);
        }
        if (response.statusCode() != 200) {
            throw new PrinterException(
                    ErrorCode.PRINTER_PROTOCOL_ERROR, operation + ": HTTP status " + response.statusCode());
        }
        if (body.length > MAX_RESPONSE) {
            throw new PrinterException(ErrorCode.PRINTER_PROTOCOL_ERROR, operation + ": answer larger than 1 MiB");
        }
        try {
            return IppPacket.parse(new ByteArrayInputStream(body));
        } catch (IOException | RuntimeException e) {
            // jipp signals malformed input with assorted runtime exceptions.
            throw new PrinterException(ErrorCode.PRINTER_PROTOCOL_ERROR, operation + ": answer is not IPP", e);
        }
    }
}
