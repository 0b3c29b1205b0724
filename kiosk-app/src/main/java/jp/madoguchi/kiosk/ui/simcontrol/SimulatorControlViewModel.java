package jp.madoguchi.kiosk.ui.simcontrol;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.printing.SimulatedCertificatePrinter;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.printer.receipt.Receipt;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.printer.receipt.TransactionReceipt;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import jp.madoguchi.sim.resident.Resident;

/**
 * The demo's hands and eyes around the kiosk, for a developer at a desk: which resident's card,
 * insert and take it, coins and bills, printer faults, and what came out of the printers (job
 * ids and sheets; receipts as text). A developer tool with synthetic residents, so its labels are
 * plain English in code, unlike the resident's screens.
 */
public final class SimulatorControlViewModel {
    /** The edge-case residents of the catalogue (R0001–R0028) offered in the picker. */
    public static final int EDGE_CASES = 28;

    private final KioskAssembly kiosk;
    private final List<Resident> residents;
    private final ObservableList<String> residentLabels = FXCollections.observableArrayList();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final List<Integer> jobOfLine = new ArrayList<>();
    private int chosen;

    public SimulatorControlViewModel(KioskAssembly kiosk) {
        this.kiosk = kiosk;
        this.residents = kiosk.centerSimulator()
                .map(c -> c.catalogue().all().stream()
                        .filter(r -> Integer.parseInt(r.residentId().substring(1)) <= EDGE_CASES)
                        .toList())
                .orElse(List.of());
        for (Resident r : residents) {
            residentLabels.add(r.residentId() + "  " + r.name());
        }
        kiosk.simulatedPrinter().ifPresent(p -> p.keepOutput(true)); // in memory, for "open"
    }

    /** Shows the engine's state in the status line (called for every snapshot, on the FX thread). */
    public void engineChanged(EngineSnapshot s) {
        status.set(String.format(
                "%s  %s  fee %d  inserted %d  printed %d/%d%s  card %s",
                s.state(),
                s.messageKey(),
                s.fee().amount(),
                s.inserted().amount(),
                s.copiesPrinted(),
                s.copiesOrdered(),
                s.errorCode().map(c -> "  error " + c).orElse(""),
                kiosk.cardSlot().map(slot -> slot.cardPresent() ? "in" : "out").orElse("-")));
        refreshOutput();
    }

    public void choose(int index) {
        chosen = Math.max(0, Math.min(residents.size() - 1, index));
    }

    /** Issues the chosen resident's card (PIN 1234) and places it in the reader. */
    public CompletableFuture<EngineSnapshot> insertCard() {
        return insertCard(0);
    }

    /** As {@link #insertCard()}, with the PIN tries set (1 shows the last-try warning, 0 a locked PIN). */
    public CompletableFuture<EngineSnapshot> insertCard(int triesLeftOrZeroForDefault) {
        if (residents.isEmpty()
                || kiosk.cardSlot().isEmpty()
                || kiosk.cardIssuer().isEmpty()) {
            return CompletableFuture.completedFuture(kiosk.engine().snapshot());
        }
        if (kiosk.cardSlot().get().cardPresent()) {
            return CompletableFuture.completedFuture(kiosk.engine().snapshot());
        }
        Resident r = residents.get(chosen);
        SimulatedCard card = kiosk.cardIssuer().get().issue(CatalogueCardholders.cardholderOf(r));
        if (triesLeftOrZeroForDefault == -1) {
            card.lockAuthPin();
        } else if (triesLeftOrZeroForDefault > 0) {
            card.setAuthPinTriesLeft(triesLeftOrZeroForDefault);
        }
        kiosk.cardSlot().get().insert(card);
        return kiosk.engine().cardInserted();
    }

    public CompletableFuture<EngineSnapshot> removeCard() {
        kiosk.cardSlot().ifPresent(slot -> slot.remove());
        return kiosk.engine().cardRemoved();
    }

    /** Inserts a coin or bill; false if it came back (acceptor closed). */
    public boolean insertMoney(long yen) {
        return kiosk.cashAcceptor().map(a -> a.insert(Yen.of(yen))).orElse(false);
    }

    public void jamNextJob() {
        kiosk.simulatedPrinter().ifPresent(p -> p.jamOnJob(1));
    }

    public void emptyPaper() {
        kiosk.simulatedPrinter().ifPresent(p -> p.loadPaper(0));
    }

    public void loadPaper() {
        kiosk.simulatedPrinter().ifPresent(p -> p.loadPaper(500));
    }

    public void receiptPaperEnd(boolean end) {
        kiosk.simulatedReceipts().ifPresent(p -> p.paperEnd(end));
    }

    /** Re-reads what the printers put out. */
    public void refreshOutput() {
        List<String> lines = new ArrayList<>();
        List<Integer> jobs = new ArrayList<>();
        kiosk.simulatedPrinter().ifPresent(p -> {
            for (SimulatedCertificatePrinter.PrintedJob job : p.printedJobs()) {
                lines.add("certificate job " + job.jobId() + ": document " + job.documentId() + ", " + job.sheets()
                        + " sheet(s) (select and open)");
                jobs.add(job.jobId());
            }
        });
        kiosk.simulatedReceipts().ifPresent(p -> {
            for (Receipt receipt : p.printed()) {
                lines.add(describe(receipt));
                jobs.add(-1);
            }
        });
        if (!lines.equals(output)) {
            jobOfLine.clear();
            jobOfLine.addAll(jobs);
            output.setAll(lines);
        }
    }

    /**
     * The pages of the certificate on output line {@code index}, rendered at 100 dpi in memory
     * (nothing is written to disk); empty for a receipt line or a job not kept.
     */
    public List<java.awt.image.BufferedImage> pages(int index) {
        if (index < 0 || index >= jobOfLine.size() || jobOfLine.get(index) < 0) {
            return List.of();
        }
        byte[] pdf = kiosk.simulatedPrinter()
                .flatMap(p -> p.output(jobOfLine.get(index)))
                .orElse(null);
        if (pdf == null) {
            return List.of();
        }
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            List<java.awt.image.BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                pages.add(renderer.renderImageWithDPI(i, 100));
            }
            return pages;
        } catch (java.io.IOException e) {
            status.set("cannot render job " + jobOfLine.get(index) + ": " + e.getMessage());
            return List.of();
        } finally {
            java.util.Arrays.fill(pdf, (byte) 0);
        }
    }

    /** A receipt or refund voucher as text (ids and amounts only; receipts carry nothing else). */
    public static String describe(Receipt receipt) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        if (receipt instanceof TransactionReceipt t) {
            StringBuilder b = new StringBuilder(
                    "receipt " + t.transactionNumber() + " " + t.issuedAt().format(time));
            for (TransactionReceipt.Item item : t.items()) {
                b.append("\n   ")
                        .append(item.name())
                        .append(" x")
                        .append(item.copies())
                        .append("  ")
                        .append(item.amount());
            }
            b.append("\n   total ")
                    .append(t.total())
                    .append("  paid ")
                    .append(t.paid())
                    .append("  change ")
                    .append(t.change());
            return b.toString();
        }
        if (receipt instanceof RefundVoucher v) {
            return "refund voucher " + v.voucherNumber() + " for " + v.transactionNumber() + ": " + v.amount()
                    + " yen (" + v.reason() + ")";
        }
        return receipt.getClass().getSimpleName();
    }

    public ObservableList<String> residents() {
        return residentLabels;
    }

    public ObservableList<String> output() {
        return output;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }
}
