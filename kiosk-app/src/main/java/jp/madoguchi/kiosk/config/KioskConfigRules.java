package jp.madoguchi.kiosk.config;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the values Jackson cannot: ranges, formats, and combinations of keys. */
final class KioskConfigRules {
    private static final Set<String> LANGUAGES = Set.of("ja", "en", "zh", "ko", "pt", "vi");
    private final String source;

    KioskConfigRules(String source) {
        this.source = source;
    }

    void check(KioskConfig c) {
        require(
                c.kiosk().id() != null && c.kiosk().id().matches("[A-Za-z0-9]{1,16}"),
                "kiosk.id",
                "1-16 letters or digits");
        require(c.kiosk().dataDir() != null, "kiosk.dataDir", "a directory path");
        require(
                c.center().timeoutSeconds() >= 1 && c.center().timeoutSeconds() <= 120,
                "center.timeoutSeconds",
                "1 to 120");
        if (c.center().source() == KioskConfig.Source.REAL) {
            require(isUri(c.center().url(), "https"), "center.url", "an https:// URL of the issuance center");
            require(
                    c.center().trustDir() != null,
                    "center.trustDir",
                    "the directory with the center CA and this kiosk's certificate");
        }
        if (c.printers().certificateSource() == KioskConfig.Source.REAL) {
            require(
                    isUri(c.printers().certificateUri(), "ipp")
                            || isUri(c.printers().certificateUri(), "ipps")
                            || isUri(c.printers().certificateUri(), "http"),
                    "printers.certificateUri",
                    "an ipp:// or ipps:// printer URI");
        }
        if (c.printers().receiptSource() == KioskConfig.Source.REAL) {
            String address = c.printers().receiptAddress();
            require(
                    address != null && (isUri(address, "tcp") || address.startsWith("/dev/")),
                    "printers.receiptAddress",
                    "tcp://host:9100 or a device file such as /dev/usb/lp0");
        }
        KioskConfig.Payment.Gpio gpio = c.payment().gpio();
        if (c.payment().device() == KioskConfig.Payment.PaymentDevice.GPIO) {
            List<Integer> pins =
                    List.of(gpio.coinSignalPin(), gpio.coinInhibitPin(), gpio.hopperMotorPin(), gpio.hopperSensorPin());
            require(pins.stream().allMatch(p -> p >= 2 && p <= 27), "payment.gpio", "BCM pin numbers 2 to 27");
            require(new HashSet<>(pins).size() == pins.size(), "payment.gpio", "four different pins");
            require(
                    gpio.coinPulseYen() > 0 && gpio.hopperCoinYen() > 0,
                    "payment.gpio",
                    "positive yen values per pulse and per coin");
        }
        require(
                c.payment().device() != KioskConfig.Payment.PaymentDevice.COUNTER
                        || c.kiosk().deployment() == KioskConfig.Deployment.COUNTER,
                "payment.device",
                "COUNTER only with kiosk.deployment: COUNTER");
        require(
                c.ledger().operatorShareYen() >= 0 && c.ledger().operatorShareYen() <= 1000,
                "ledger.operatorShareYen",
                "0 to 1000 yen");
        require(c.hours().closes().isAfter(c.hours().opens()), "hours.closes", "a time after hours.opens");
        require(
                !c.ui().languages().isEmpty() && LANGUAGES.containsAll(c.ui().languages()),
                "ui.languages",
                "a list from " + LANGUAGES.stream().sorted().toList());
        require(c.ui().textScale() >= 0.75 && c.ui().textScale() <= 2.0, "ui.textScale", "0.75 to 2.0");
    }

    private void require(boolean ok, String key, String expected) {
        if (!ok) {
            throw KioskConfigLoader.invalid(source, key, expected);
        }
    }

    private static boolean isUri(String text, String scheme) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(text);
            return scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
