package jp.madoguchi.kiosk.hwcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The issuance center over the network: a TLS handshake to {@code center.url} that trusts only the
 * pinned center CA ({@code <trustDir>/center-ca.crt.pem}) and presents this kiosk's client
 * certificate ({@code <trustDir>/kiosks/<kioskId>.crt.pem} and {@code .key.pem}, PKCS#8), then one
 * HTTP request so that a client certificate the center refuses shows up too (TLS 1.3 reports that
 * only after the handshake). Any HTTP answer means the center is reachable.
 */
public final class CenterReachabilityCheck implements HardwareCheck {
    static final String DEVICE = "center";

    private final URI url;
    private final Path trustDir;
    private final String kioskId;
    private final Duration timeout;

    public CenterReachabilityCheck(URI url, Path trustDir, String kioskId, Duration timeout) {
        this.url = url;
        this.trustDir = trustDir;
        this.kioskId = kioskId;
        this.timeout = timeout;
    }

    @Override
    public String device() {
        return DEVICE;
    }

    @Override
    public CheckResult run() {
        if (!"https".equals(url.getScheme()) || url.getHost() == null) {
            return CheckResult.fail(DEVICE, url + ": center.url must be https://host[:port]");
        }
        Path caFile = trustDir.resolve("center-ca.crt.pem");
        if (!Files.isRegularFile(caFile)) {
            return CheckResult.fail(
                    DEVICE, "no pinned center CA at " + caFile + ": install the file the center issued");
        }
        Path certFile = trustDir.resolve("kiosks").resolve(kioskId + ".crt.pem");
        Path keyFile = trustDir.resolve("kiosks").resolve(kioskId + ".key.pem");
        boolean client = Files.isRegularFile(certFile) && Files.isRegularFile(keyFile);
        SSLContext tls;
        try {
            tls = context(caFile, client ? certFile : null, client ? keyFile : null);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return CheckResult.fail(DEVICE, "cannot load the TLS files in " + trustDir + ": " + e.getMessage());
        }
        int port = url.getPort() < 0 ? 443 : url.getPort();
        int millis = (int) timeout.toMillis();
        String refused = url + ": the center closed the connection after the TLS handshake: it refused this kiosk's"
                + " client certificate" + (client ? " (" + certFile + ")" : " (none found at " + certFile + ")");
        boolean handshakeDone = false;
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), millis);
            socket.setSoTimeout(millis);
            socket.startHandshake();
            handshakeDone = true;
            String protocol = socket.getSession().getProtocol();
            X509Certificate server = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD / HTTP/1.1\r\nHost: " + url.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            if (statusLine == null || !statusLine.startsWith("HTTP/")) {
                // A TLS 1.3 server that refuses the client certificate closes the connection after the handshake.
                return CheckResult.fail(DEVICE, refused);
            }
            return CheckResult.pass(
                    DEVICE,
                    url + ": " + protocol + ", server "
                            + server.getSubjectX500Principal().getName()
                            + ", client certificate " + (client ? kioskId : "none") + ", HTTP "
                            + statusLine.split(" ")[1]);
        } catch (java.net.SocketTimeoutException e) {
            return CheckResult.fail(
                    DEVICE,
                    url + ": no answer within " + timeout.toSeconds() + " s"
                            + (handshakeDone ? " after the TLS handshake" : "") + ": check the network and center.url");
        } catch (IOException e) {
            if (handshakeDone) {
                return CheckResult.fail(DEVICE, refused + ": " + e.getMessage());
            }
            if (e instanceof javax.net.ssl.SSLException) {
                return CheckResult.fail(
                        DEVICE,
                        url + ": TLS failed (" + e.getMessage() + "): check that " + caFile.getFileName()
                                + " is the center's CA");
            }
            return CheckResult.fail(
                    DEVICE,
                    url + ": not reachable (" + e.getMessage() + "): check the network, the line to the center and"
                            + " center.url");
        }
    }

    private static SSLContext context(Path caFile, Path certFile, Path keyFile)
            throws IOException, GeneralSecurityException {
        char[] none = new char[0];
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, none);
        int n = 0;
        for (Certificate ca : certificates(caFile)) {
            trust.setCertificateEntry("center-ca-" + n++, ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, none);
        if (certFile != null) {
            List<Certificate> chain = new ArrayList<>(certificates(certFile));
            keys.setKeyEntry("kiosk", privateKey(keyFile), none, chain.toArray(Certificate[]::new));
        }
        kmf.init(keys, none);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static Collection<? extends Certificate> certificates(Path pem)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> all =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (all.isEmpty()) {
                throw new GeneralSecurityException(pem + " holds no certificate");
            }
            return all;
        }
    }

    /** A PKCS#8 PEM key ("BEGIN PRIVATE KEY"), EC or RSA. */
    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(pem + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        java.util.Arrays.fill(der, (byte) 0);
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (java.security.spec.InvalidKeySpecException e) {
                // Try the next algorithm.
            }
        }
        throw new GeneralSecurityException(pem + " is neither an EC nor an RSA key");
    }
}
