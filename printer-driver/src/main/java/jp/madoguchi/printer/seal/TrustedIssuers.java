package jp.madoguchi.printer.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * The issuer certificates a verifier trusts, looked up by the key id each seal carries. Read from
 * one PEM file or from a directory of {@code .pem}/{@code .crt}/{@code .cer} files.
 */
public final class TrustedIssuers {
    private static final long MAX_FILE = 1024 * 1024;
    private final List<X509Certificate> certificates;

    private TrustedIssuers(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    /** Trusts exactly these certificates. */
    public static TrustedIssuers of(X509Certificate... certificates) {
        return new TrustedIssuers(Arrays.asList(certificates));
    }

    /** Reads one file holding one or more PEM (or DER) certificates. */
    public static TrustedIssuers readFile(Path file) {
        return new TrustedIssuers(read(file));
    }

    /** Reads every {@code .pem}, {@code .crt} and {@code .cer} file of a directory. */
    public static TrustedIssuers readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PrinterException(ErrorCode.TRUST_INVALID, directory + " is not a directory");
        }
        List<X509Certificate> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(file)
                        && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"))) {
                    all.addAll(read(file));
                }
            }
        } catch (IOException e) {
            throw new PrinterException(ErrorCode.TRUST_INVALID, "cannot list " + directory, e);
        }
        if (all.isEmpty()) {
            throw new PrinterException(ErrorCode.TRUST_INVALID, "no certificates (.pem, .crt, .cer) in " + directory);
        }
        return new TrustedIssuers(all);
    }

    private static List<X509Certificate> read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new PrinterException(
                        ErrorCode.TRUST_INVALID, file.getFileName() + " is too large for a certificate file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends java.security.cert.Certificate> read =
                        CertificateFactory.getInstance("X.509").generateCertificates(in);
                List<X509Certificate> out = new ArrayList<>();
                for (java.security.cert.Certificate c : read) {
                    out.add((X509Certificate) c);
                }
                if (out.isEmpty()) {
                    throw new PrinterException(ErrorCode.TRUST_INVALID, "no certificate in " + file.getFileName());
                }
                return out;
            }
        } catch (IOException | CertificateException e) {
            throw new PrinterException(
                    ErrorCode.TRUST_INVALID, "cannot read certificates from " + file.getFileName(), e);
        }
    }

    /** The trusted certificate whose key has this id. */
    public Optional<X509Certificate> find(byte[] keyId) {
        for (X509Certificate certificate : certificates) {
            if (Arrays.equals(SealPayload.keyIdOf(certificate), keyId)) {
                return Optional.of(certificate);
            }
        }
        return Optional.empty();
    }

    /** How many certificates are trusted. */
    public int size() {
        return certificates.size();
    }
}
