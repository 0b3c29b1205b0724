package jp.madoguchi.printer.seal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.seal.internal.Base45;
import jp.madoguchi.printer.seal.internal.SealAlgorithm;

/**
 * The signed content of one page's seal QR code: which document, which issuer and key, when, which
 * page of how many, the digest of the page's certificate layer, and the issuer's signature over
 * all of that. The QR text is {@code MG1:} followed by the Base45 of the binary form described in
 * {@code docs/anti-forgery.md}.
 */
public final class SealPayload {
    /** Prefix of every seal QR text. */
    public static final String QR_PREFIX = "MG1:";

    static final int VERSION = 1;
    static final int KEY_ID_LENGTH = 8;
    static final int DIGEST_LENGTH = 32;
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final int MAX_TEXT = 2000;

    private final CertificateMetadata metadata;
    private final int page;
    private final int pageCount;
    private final SealAlgorithm algorithm;
    private final byte[] keyId;
    private final byte[] pageDigest;
    private final byte[] signature;

    private SealPayload(
            CertificateMetadata metadata,
            int page,
            int pageCount,
            SealAlgorithm algorithm,
            byte[] keyId,
            byte[] pageDigest,
            byte[] signature) {
        this.metadata = metadata;
        this.page = page;
        this.pageCount = pageCount;
        this.algorithm = algorithm;
        this.keyId = keyId.clone();
        this.pageDigest = pageDigest.clone();
        this.signature = signature.clone();
    }

    /** Builds and signs the seal of one page. */
    static SealPayload sign(
            CertificateMetadata metadata, int page, int pageCount, byte[] pageDigest, SealSigner signer) {
        if (pageCount < 1 || pageCount > 255 || page < 1 || page > pageCount) {
            throw new PrinterException(
                    ErrorCode.UNSUPPORTED_DOCUMENT,
                    "a certificate has 1 to 255 pages, got page " + page + " of " + pageCount);
        }
        SealAlgorithm algorithm = SealAlgorithm.ofJcaName(signer.algorithm());
        byte[] keyId = keyIdOf(signer.certificate());
        SealPayload unsigned = new SealPayload(metadata, page, pageCount, algorithm, keyId, pageDigest, new byte[0]);
        byte[] signature;
        try {
            signature = signer.sign(unsigned.signedBytes());
        } catch (PrinterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PrinterException(ErrorCode.SEAL_SIGNING_FAILED, "the seal signer failed", e);
        }
        if (signature == null || signature.length == 0 || signature.length > 1024) {
            throw new PrinterException(ErrorCode.SEAL_SIGNING_FAILED, "the seal signer returned no usable signature");
        }
        return new SealPayload(metadata, page, pageCount, algorithm, keyId, pageDigest, signature);
    }

    /** The key id of an issuer certificate: the first 8 bytes of SHA-256 of its public key (SPKI). */
    public static byte[] keyIdOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded());
            return Arrays.copyOf(digest, KEY_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Parses a seal QR text.
     *
     * @throws PrinterException with {@code SEAL_INPUT_INVALID} when the text is not a seal
     */
    public static SealPayload parse(String qrText) {
        Objects.requireNonNull(qrText, "qrText");
        String text = qrText.strip();
        if (!text.startsWith(QR_PREFIX) || text.length() > MAX_TEXT) {
            throw new PrinterException(
                    ErrorCode.SEAL_INPUT_INVALID,
                    "not a Madoguchi seal (it must start with " + QR_PREFIX + " and be at most " + MAX_TEXT
                            + " characters)");
        }
        byte[] bytes;
        try {
            bytes = Base45.decode(text.substring(QR_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new PrinterException(ErrorCode.SEAL_INPUT_INVALID, "seal text is not Base45: " + e.getMessage());
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw new PrinterException(ErrorCode.SEAL_INPUT_INVALID, "unknown seal version " + version);
            }
            SealAlgorithm algorithm = SealAlgorithm.ofCode(in.get() & 0xff);
            byte[] keyId = new byte[KEY_ID_LENGTH];
            in.get(keyId);
            String documentId = readShortString(in);
            String issuerId = readShortString(in);
            LocalDate issueDate = EPOCH.plusDays(in.getShort() & 0xffff);
            int page = in.get() & 0xff;
            int pageCount = in.get() & 0xff;
            byte[] digest = new byte[DIGEST_LENGTH];
            in.get(digest);
            byte[] signature = new byte[in.remaining()];
            in.get(signature);
            if (signature.length == 0 || page < 1 || page > pageCount) {
                throw new PrinterException(ErrorCode.SEAL_INPUT_INVALID, "seal has no signature or a bad page number");
            }
            CertificateMetadata metadata = new CertificateMetadata(documentId, issuerId, issueDate);
            return new SealPayload(metadata, page, pageCount, algorithm, keyId, digest, signature);
        } catch (java.nio.BufferUnderflowException e) {
            throw new PrinterException(ErrorCode.SEAL_INPUT_INVALID, "seal text is truncated");
        }
    }

    private static String readShortString(ByteBuffer in) {
        int length = in.get() & 0xff;
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The bytes the issuer signs: everything in the seal but the signature. */
    public byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        out.write(VERSION);
        out.write(algorithm.code());
        out.writeBytes(keyId);
        writeShortString(out, metadata.documentId());
        writeShortString(out, metadata.issuerId());
        long days = metadata.issueDate().toEpochDay() - EPOCH.toEpochDay();
        out.write((int) (days >> 8) & 0xff);
        out.write((int) days & 0xff);
        out.write(page);
        out.write(pageCount);
        out.writeBytes(pageDigest);
        return out.toByteArray();
    }

    private static void writeShortString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    /** The text encoded in the QR code. */
    public String toQrText() {
        byte[] signed = signedBytes();
        byte[] all = Arrays.copyOf(signed, signed.length + signature.length);
        System.arraycopy(signature, 0, all, signed.length, signature.length);
        return QR_PREFIX + Base45.encode(all);
    }

    public CertificateMetadata metadata() {
        return metadata;
    }

    /** This page's number, from 1. */
    public int page() {
        return page;
    }

    /** The number of certificate pages (fronts) in the document. */
    public int pageCount() {
        return pageCount;
    }

    /** The JCA name of the signature algorithm. */
    public String algorithm() {
        return algorithm.jcaName();
    }

    /** The issuer key id (8 bytes). */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The key id in hex, as the verifier prints it. */
    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    /** The SHA-256 digest of this page's certificate layer (see {@link CertificateLayerDigest}). */
    public byte[] pageDigest() {
        return pageDigest.clone();
    }

    /** The digest in hex. */
    public String pageDigestHex() {
        return HexFormat.of().formatHex(pageDigest);
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealPayload other && toQrText().equals(other.toQrText());
    }

    @Override
    public int hashCode() {
        return toQrText().hashCode();
    }

    @Override
    public String toString() {
        return "SealPayload[document=" + metadata.documentId() + ", issuer=" + metadata.issuerId() + ", issued="
                + metadata.issueDate() + ", page=" + page + "/" + pageCount + ", key=" + keyIdHex() + "]";
    }
}
