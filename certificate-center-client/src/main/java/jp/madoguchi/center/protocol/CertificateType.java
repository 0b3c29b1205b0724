package jp.madoguchi.center.protocol;

/** The certificate types a kiosk can order. Which ones a resident may order is the center's call. */
public enum CertificateType {
    /** 住民票の写し. */
    RESIDENCE_RECORD("住民票の写し"),
    /** 住民票記載事項証明書. */
    RESIDENCE_RECORD_ITEMS("住民票記載事項証明書"),
    /** 印鑑登録証明書. */
    SEAL_REGISTRATION("印鑑登録証明書"),
    /** 所得・課税証明書. */
    INCOME_TAX("所得・課税証明書"),
    /** 戸籍全部事項証明書. */
    KOSEKI_FULL("戸籍全部事項証明書"),
    /** 戸籍個人事項証明書. */
    KOSEKI_INDIVIDUAL("戸籍個人事項証明書"),
    /** 戸籍の附票の写し. */
    KOSEKI_FUHYO("戸籍の附票の写し");

    private final String japaneseTitle;

    CertificateType(String japaneseTitle) {
        this.japaneseTitle = japaneseTitle;
    }

    /** The title printed on the certificate. */
    public String japaneseTitle() {
        return japaneseTitle;
    }

    /** True for the family-register types (戸籍 and 附票), which share hours and registration rules. */
    public boolean isKoseki() {
        return this == KOSEKI_FULL || this == KOSEKI_INDIVIDUAL || this == KOSEKI_FUHYO;
    }
}
