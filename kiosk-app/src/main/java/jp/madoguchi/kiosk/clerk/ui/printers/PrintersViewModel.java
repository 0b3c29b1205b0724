package jp.madoguchi.kiosk.clerk.ui.printers;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.kiosk.clerk.ClerkActionRefused;
import jp.madoguchi.kiosk.clerk.PaperReplenishment;
import jp.madoguchi.kiosk.clerk.PrinterKind;
import jp.madoguchi.kiosk.clerk.TestPrints;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenModel;
import jp.madoguchi.kiosk.clerk.ui.ClerkText;

/** Test prints, paper replenished and the paper-jam guide. */
public final class PrintersViewModel extends ClerkScreenModel {
    private static final List<String> JAM_STEPS =
            List.of("printers.jam.1", "printers.jam.2", "printers.jam.3", "printers.jam.4", "printers.jam.5");

    private final TestPrints testPrints;
    private final PaperReplenishment paper;
    private final StringProperty sheets = new SimpleStringProperty("500");
    private final ObservableList<String> jamGuide = FXCollections.observableArrayList();

    public PrintersViewModel(TestPrints testPrints, PaperReplenishment paper) {
        this.testPrints = testPrints;
        this.paper = paper;
    }

    @Override
    protected void refresh(ClerkText t) {
        jamGuide.setAll(JAM_STEPS.stream().map(t::text).toList());
    }

    /**
     * Prints the A4 test page; blocks until the printer answers, so call it off the FX thread and
     * run what it returns on the FX thread.
     */
    public Runnable testCertificatePrinter() {
        TestPrints.Result r = testPrints.certificatePrinter();
        return () -> shown(r);
    }

    /** Prints the receipt test slip; like {@link #testCertificatePrinter()}. */
    public Runnable testReceiptPrinter() {
        TestPrints.Result r = testPrints.receiptPrinter();
        return () -> shown(r);
    }

    /** Shows a test print's result. */
    public void shown(TestPrints.Result r) {
        String printer = text().text("printer." + r.printer());
        if (r.printed()) {
            say("printers.testPrinted", printer);
        } else {
            say(
                    "printers.testFailed",
                    printer,
                    r.failure().map(Object::toString).orElse("?"));
        }
    }

    /**
     * The clerk loaded A4 paper: the number typed in {@link #sheets()}. Asks the printer after, so
     * call it off the FX thread and run what it returns on the FX thread.
     */
    public Runnable certificatePaperLoaded() {
        int count;
        try {
            count = Integer.parseInt(sheets.get().strip());
        } catch (NumberFormatException e) {
            return () -> say("printers.sheetsInvalid");
        }
        return loaded(PrinterKind.CERTIFICATE, count);
    }

    /** The clerk changed the receipt roll; like {@link #certificatePaperLoaded()}. */
    public Runnable receiptRollChanged() {
        return loaded(PrinterKind.RECEIPT, 0);
    }

    private Runnable loaded(PrinterKind printer, int count) {
        try {
            PaperReplenishment.Result r = paper.loaded(printer, count);
            return () -> {
                String name = text().text("printer." + printer);
                if (r.ready()) {
                    say("printers.paperReady", name);
                } else {
                    say(
                            "printers.paperStillBlocked",
                            name,
                            r.stillBlocking().map(Object::toString).orElse("?"));
                }
            };
        } catch (ClerkActionRefused e) {
            return () -> say("printers.sheetsInvalid");
        }
    }

    /** The sheet count the clerk types. */
    public StringProperty sheets() {
        return sheets;
    }

    public ObservableList<String> jamGuide() {
        return jamGuide;
    }
}
