package jp.madoguchi.kiosk.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.Callable;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardKind;
import jp.madoguchi.card.JpkiCard;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk card sign}: verify the PIN, sign a random challenge and check the signature. */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies the 4-digit user-authentication PIN, signs a random 32-byte challenge with the"
                    + " card's auth key and checks the signature against the auth certificate.",
            "Refuses to use the last PIN try unless --allow-last-try is given.",
            "Exit codes: 0 ok, 2 bad PIN format, 10 no reader, 11 no card, 12 not a My Number card,"
                    + " 13 PIN locked, 14 pcscd not running, 15 wrong PIN, 16 card removed or not"
                    + " responding, 17 signature does not verify, 18 last try refused, 1 other card errors."
        })
public final class CardSignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--pin",
            required = true,
            arity = "0..1",
            interactive = true,
            paramLabel = "PIN",
            description = "The 4-digit user-authentication PIN (prompted for when given without a value).")
    char[] pin;

    @Mixin
    CardInfoCommand.CardSource source = new CardInfoCommand.CardSource();

    @Option(names = "--allow-last-try", description = "Verify the PIN even when a wrong one would lock the card.")
    boolean allowLastTry;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JpkiCard card = source.open()) {
            out.println("Reader: " + card.readerName());
            if (card.kind() != CardKind.MY_NUMBER_CARD) {
                throw new CardException(CardErrorCode.NOT_A_MY_NUMBER_CARD, "the card is not a My Number card");
            }
            long started = System.nanoTime();
            long apdusBefore = card.apduCount();
            int tries = card.authPinTriesLeft();
            if (tries == 0) {
                throw CardException.pinLocked("user-authentication PIN");
            }
            if (tries == 1 && !allowLastTry) {
                spec.commandLine()
                        .getErr()
                        .println("kiosk card sign: only 1 PIN try is left and a wrong PIN would lock the card;"
                                + " nothing was sent. Re-run with --allow-last-try if the PIN is certain.");
                spec.commandLine().getErr().flush();
                return 18;
            }
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            X509Certificate certificate = card.readAuthCertificate();
            card.verifyAuthPin(pin);
            byte[] signature = card.signWithAuthKey(SignedChallenge.digestOf(challenge));
            long millis = (System.nanoTime() - started) / 1_000_000;
            long apdus = card.apduCount() - apdusBefore;
            if (!SignedChallenge.verifies(certificate, challenge, signature)) {
                spec.commandLine()
                        .getErr()
                        .println("kiosk card sign: the card's signature does NOT verify with its auth certificate;"
                                + " the card may be damaged or not genuine");
                spec.commandLine().getErr().flush();
                return 17;
            }
            out.println("ok: signature verified with the auth certificate's "
                    + certificate.getPublicKey().getAlgorithm() + " key in " + millis + " ms, " + apdus
                    + " APDUs (tries, certificate, verify, sign)");
            out.flush();
            return 0;
        } catch (CardSimException | PkiException e) {
            return CardInfoCommand.simulatorFailure(spec, e);
        } catch (CardException e) {
            return CardInfoCommand.report(spec, e);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }
}
