package jp.madoguchi.printer.ipp;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.printer.ipp.internal.IppExchange;

/** Asks a printer which jobs it still has (Get-Jobs, not-completed), as a clerk's tool would. */
final class PrinterJobs {
    private PrinterJobs() {}

    static List<Integer> notCompleted(URI printer) throws InterruptedException {
        IppExchange ipp = new IppExchange(printer, Duration.ofSeconds(5));
        IppPacket response = ipp.send(
                IppPacket.getJobs(printer, Types.jobId, Types.jobState)
                        .putOperationAttributes(Types.whichJobs.of("not-completed"))
                        .build(),
                null,
                Duration.ofSeconds(5));
        List<Integer> ids = new ArrayList<>();
        for (AttributeGroup group : response.getAttributeGroups()) {
            if (group.getTag().equals(Tag.jobAttributes)) {
                ids.add(group.getValue(Types.jobId));
            }
        }
        return ids;
    }
}
