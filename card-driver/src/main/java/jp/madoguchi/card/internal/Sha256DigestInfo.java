package jp.madoguchi.card.internal;

/** The PKCS#1 DigestInfo of a SHA-256 digest, which the JPKI card pads and signs. */
final class Sha256DigestInfo {
    static final int DIGEST_LENGTH = 32;

    /** DER of SEQUENCE { AlgorithmIdentifier { id-sha256, NULL }, OCTET STRING (32 bytes) }. */
    private static final byte[] PREFIX = {
        0x30,
        0x31,
        0x30,
        0x0D,
        0x06,
        0x09,
        0x60,
        (byte) 0x86,
        0x48,
        0x01,
        0x65,
        0x03,
        0x04,
        0x02,
        0x01,
        0x05,
        0x00,
        0x04,
        0x20
    };

    private Sha256DigestInfo() {}

    static byte[] of(byte[] sha256Digest) {
        if (sha256Digest == null || sha256Digest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got "
                    + (sha256Digest == null ? "null" : sha256Digest.length + " bytes"));
        }
        byte[] info = new byte[PREFIX.length + DIGEST_LENGTH];
        System.arraycopy(PREFIX, 0, info, 0, PREFIX.length);
        System.arraycopy(sha256Digest, 0, info, PREFIX.length, DIGEST_LENGTH);
        return info;
    }
}
