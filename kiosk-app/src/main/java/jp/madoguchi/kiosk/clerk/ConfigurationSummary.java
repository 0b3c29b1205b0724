package jp.madoguchi.kiosk.clerk;

import java.util.List;
import jp.madoguchi.kiosk.config.KioskConfig;

/** What the configuration selected, as the clerk's device screen lists it. */
public record ConfigurationSummary(
        String kioskId,
        KioskConfig.Deployment deployment,
        KioskConfig.Source card,
        KioskConfig.Source center,
        String centerUrl,
        KioskConfig.Source certificatePrinter,
        KioskConfig.Source receiptPrinter,
        KioskConfig.Payment.PaymentDevice payment,
        String hours,
        boolean yearEndStop,
        List<String> languages) {

    public ConfigurationSummary {
        languages = List.copyOf(languages);
    }

    public static ConfigurationSummary of(KioskConfig c) {
        return new ConfigurationSummary(
                c.kiosk().id(),
                c.kiosk().deployment(),
                c.card().source(),
                c.center().source(),
                c.center().source() == KioskConfig.Source.REAL ? c.center().url() : "(in-process simulator)",
                c.printers().certificateSource(),
                c.printers().receiptSource(),
                c.payment().device(),
                c.hours().opens() + "–" + c.hours().closes(),
                c.hours().yearEndStop(),
                c.ui().languages());
    }
}
