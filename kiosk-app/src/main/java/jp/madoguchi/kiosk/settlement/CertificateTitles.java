package jp.madoguchi.kiosk.settlement;

import jp.madoguchi.center.protocol.CertificateType;

/** The Japanese title of a ledger's certificate type code, for printed reports. */
final class CertificateTitles {
    private CertificateTitles() {}

    static String of(String typeCode) {
        try {
            return CertificateType.valueOf(typeCode).japaneseTitle();
        } catch (IllegalArgumentException e) {
            return typeCode; // a type this build does not know: print its code as the ledger has it
        }
    }
}
