package jp.madoguchi.sim.center.registry;

import jp.madoguchi.center.protocol.CertificateType;

/** A document as the registry keeps it: ids, type, copies, fee and hashes only (no personal data). */
public record DocumentRecord(
        String documentId,
        String documentNumber,
        int itemIndex,
        CertificateType type,
        String municipalityCode,
        int copies,
        int feeYenPerCopy,
        String contentSha256) {}
