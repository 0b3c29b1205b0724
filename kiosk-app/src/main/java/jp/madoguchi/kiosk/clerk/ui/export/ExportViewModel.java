package jp.madoguchi.kiosk.clerk.ui.export;

import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.clerk.ClerkActionRefused;
import jp.madoguchi.kiosk.clerk.LogExport;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenModel;
import jp.madoguchi.kiosk.clerk.ui.ClerkText;

/** The log export to a USB stick's mount point. */
public final class ExportViewModel extends ClerkScreenModel {
    private final LogExport logs;
    private final StringProperty target = new SimpleStringProperty("");

    public ExportViewModel(LogExport logs, Path defaultTarget) {
        this.logs = logs;
        this.target.set(defaultTarget.toString());
    }

    @Override
    protected void refresh(ClerkText t) {
        // nothing to refresh: the message stays until the next export
    }

    /**
     * Exports everything to {@link #target()}; blocks while writing, so call it off the FX thread
     * and run what it returns on the FX thread.
     */
    public Runnable export() {
        String where = target.get().strip();
        try {
            LogExport.Result r = logs.exportAll(Path.of(where));
            return () -> say(
                    "export.done",
                    r.transactions(),
                    r.stateChanges(),
                    r.clerkEvents(),
                    r.folder().toString());
        } catch (ClerkActionRefused e) {
            return () -> say("export.failed", where);
        }
    }

    public StringProperty target() {
        return target;
    }
}
