package jp.madoguchi.center.protocol;

/** Optional items of a residence record (住民票の写し / 記載事項証明書). */
public enum CertificateOption {
    /** 世帯主・続柄. */
    HOUSEHOLD_HEAD_AND_RELATION,
    /** 本籍・筆頭者 (Japanese nationals only). */
    HONSEKI_AND_HEAD,
    /** 国籍・地域 (foreign residents only). */
    NATIONALITY,
    /** 在留カード等の番号 (foreign residents only). */
    RESIDENCE_CARD_NUMBER,
    /** 在留資格・在留期間等 (foreign residents only). */
    RESIDENCE_STATUS,
    /** 個人番号 (allowed by some municipalities, refused by others). */
    MY_NUMBER
}
