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
        checkDeployment(c);
    }

    /** Clerk mode and the deployment profiles (issue 7): each profile's required combination. */
    private void checkDeployment(KioskConfig c) {
        KioskConfig.Clerk clerk = c.clerk();
        require(clerk.maxPinFailures() >= 1 && clerk.maxPinFailures() <= 10, "clerk.maxPinFailures", "1 to 10");
        require(clerk.lockoutMinutes() >= 1 && clerk.lockoutMinutes() <= 1440, "clerk.lockoutMinutes", "1 to 1440");
        require(
                clerk.keySwitchPin() == 0 || (clerk.keySwitchPin() >= 2 && clerk.keySwitchPin() <= 27),
                "clerk.keySwitchPin",
                "0 (no key switch) or a BCM pin number 2 to 27");
        if (c.payment().device() == KioskConfig.Payment.PaymentDevice.GPIO && clerk.keySwitchPin() != 0) {
            KioskConfig.Payment.Gpio g = c.payment().gpio();
            require(
                    !List.of(g.coinSignalPin(), g.coinInhibitPin(), g.hopperMotorPin(), g.hopperSensorPin())
                            .contains(clerk.keySwitchPin()),
                    "clerk.keySwitchPin",
                    "a pin not used by payment.gpio");
        }
        KioskConfig.Counter counter = c.counter();
        require(
                counter.window() != null
                        && !counter.window().isBlank()
                        && counter.window().length() <= 20,
                "counter.window",
                "the counter's name as printed on the 受付票 (1 to 20 characters)");
        require(
                counter.ticketPrefix() != null && counter.ticketPrefix().matches("[A-Z]"),
                "counter.ticketPrefix",
                "one capital letter A-Z");
        require(
                counter.paymentWaitMinutes() >= 1 && counter.paymentWaitMinutes() <= 60,
                "counter.paymentWaitMinutes",
                "1 to 60");
        switch (c.kiosk().deployment()) {
            case COUNTER -> require(
                    c.payment().device() == KioskConfig.Payment.PaymentDevice.COUNTER,
                    "payment.device",
                    "COUNTER with kiosk.deployment: COUNTER (the fee is paid to staff)");
            case STORE, SELF_SERVICE -> {} // COUNTER payment is refused above for these
        }
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
