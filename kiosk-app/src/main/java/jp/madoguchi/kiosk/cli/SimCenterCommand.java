package jp.madoguchi.kiosk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.pki.Credential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk sim center}: the issuance-center simulator on its own, until Ctrl+C. */
@Command(
        name = "center",
        mixinStandardHelpOptions = true,
        description = "Run the issuance-center simulator (HTTPS with mutual TLS, OCSP/CRL, admin API).")
public final class SimCenterCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "8443",
            description = "HTTPS port of the API (0: any). Default ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--pki-port",
            defaultValue = "8080",
            description = "Plain-HTTP port of OCSP, CRL and admin (0: any). Default ${DEFAULT-VALUE}.")
    int pkiPort;

    @Option(
            names = "--data",
            defaultValue = "sim-data",
            description =
                    "Data directory (PKI and registry, shared with the card simulator). Default ${DEFAULT-VALUE}.")
    Path data;

    @Option(
            names = "--kiosk-id",
            defaultValue = "KIOSK-0001",
            description = "Kiosk whose client certificate to print (made on first use). Default ${DEFAULT-VALUE}.")
    String kioskId;

    @Option(names = "--admin", description = "Enable the admin API (revocations, faults, maintenance) on the PKI port.")
    boolean admin;

    @Option(
            names = "--at",
            description =
                    "Start the center's clock at this time, e.g. 2025-10-15T10:00:00+09:00 (it runs on from there).")
    OffsetDateTime at;

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        Clock clock = at == null
                ? Clock.systemUTC()
                : Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at.toInstant()));
        CenterSimulator center = CenterSimulator.builder(data)
                .httpsPort(port)
                .pkiPort(pkiPort)
                .admin(admin)
                .clock(clock)
                .start();
        Credential kiosk = center.kioskCredential(kioskId);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            center.close();
            stopped.countDown();
        }));
        System.out.printf("Madoguchi issuance-center simulator ready in %d ms%n", millis);
        System.out.printf("  API (mutual TLS)     %s/v1%n", center.baseUrl());
        System.out.printf("  center CA to pin     %s%n", center.centerCaFile().toAbsolutePath());
        System.out.printf(
                "  kiosk %-14s cert %s%n", kioskId, kiosk.certificateFile().toAbsolutePath());
        System.out.printf("  %-20s key  %s%n", "", kiosk.keyFile().toAbsolutePath());
        System.out.printf(
                "  JPKI user-auth CA    %s%n",
                center.pki().directory().resolve("jpki-auth-ca.crt.pem").toAbsolutePath());
        System.out.printf("  OCSP                 %s%n", center.ocspUrl());
        System.out.printf("  CRL                  %s%n", center.crlUrl());
        System.out.printf("  admin API            %s%n", admin ? center.adminUrl() : "off (use --admin)");
        System.out.printf("  residents            R0001 is the happy path; edge cases in docs/center-simulator.md%n");
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
