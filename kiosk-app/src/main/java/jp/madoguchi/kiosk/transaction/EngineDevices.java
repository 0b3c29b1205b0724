package jp.madoguchi.kiosk.transaction;

import java.util.Objects;
import jp.madoguchi.card.CardReaders;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.kiosk.payment.CashAcceptor;
import jp.madoguchi.kiosk.payment.ChangeDispenser;
import jp.madoguchi.printer.ipp.CertificatePrinter;
import jp.madoguchi.printer.receipt.ReceiptPrinter;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;

/**
 * What one kiosk's engine drives: its card reader, its center client, its certificate printer
 * with the anti-forgery overlay, its receipt printer and its payment devices. Built by the
 * composition root; one set per kiosk, never shared between kiosks.
 *
 * @param cardReaders the readers; the engine opens {@code readerName} or, when empty, the first card
 * @param readerName a reader name, or "" for the first reader holding a card
 * @param feeCollection how a confirmed fee is collected beyond the payment device (a counter's 受付票)
 */
public record EngineDevices(
        CardReaders cardReaders,
        String readerName,
        CenterClient center,
        CertificatePrinter certificatePrinter,
        AntiForgeryOverlay overlay,
        ReceiptPrinter receiptPrinter,
        CashAcceptor cashAcceptor,
        ChangeDispenser changeDispenser,
        FeeCollection feeCollection) {

    /** A kiosk where the resident pays at the kiosk itself (store, self-service). */
    public EngineDevices(
            CardReaders cardReaders,
            String readerName,
            CenterClient center,
            CertificatePrinter certificatePrinter,
            AntiForgeryOverlay overlay,
            ReceiptPrinter receiptPrinter,
            CashAcceptor cashAcceptor,
            ChangeDispenser changeDispenser) {
        this(
                cardReaders,
                readerName,
                center,
                certificatePrinter,
                overlay,
                receiptPrinter,
                cashAcceptor,
                changeDispenser,
                FeeCollection.AT_THE_KIOSK);
    }

    public EngineDevices {
        Objects.requireNonNull(cardReaders, "cardReaders");
        readerName = readerName == null ? "" : readerName;
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(certificatePrinter, "certificatePrinter");
        Objects.requireNonNull(overlay, "overlay");
        Objects.requireNonNull(receiptPrinter, "receiptPrinter");
        Objects.requireNonNull(cashAcceptor, "cashAcceptor");
        Objects.requireNonNull(changeDispenser, "changeDispenser");
        feeCollection = feeCollection == null ? FeeCollection.AT_THE_KIOSK : feeCollection;
    }
}
