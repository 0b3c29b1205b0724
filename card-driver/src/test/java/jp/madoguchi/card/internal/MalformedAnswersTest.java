package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.card.BasicAttributes;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardKind;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded randomized robustness: 8 seeds x 7,000 card sessions (about 115,000 broken answers), each running a random sequence
 * of operations against a card whose answers are broken at random. Every operation must end in
 * a correct result or a {@link CardException} with a sensible code: never another exception,
 * never a loop, and never a PIN sent after the driver learnt the PIN is locked. A failure names
 * the case seed, so it can be replayed alone.
 */
class MalformedAnswersTest {
    private static final int CASES_PER_SEED = 7_000;
    /** 8 seeds x 12,500 = 100,000 broken answers at least. */
    private static final int MIN_FAULTS_PER_SEED = 12_500;

    /** Codes a broken answer (or an injected transport failure) may sensibly produce. */
    private static final Set<CardErrorCode> SENSIBLE = EnumSet.of(
            CardErrorCode.MALFORMED_RESPONSE,
            CardErrorCode.UNEXPECTED_STATUS,
            CardErrorCode.WRONG_PIN,
            CardErrorCode.PIN_LOCKED,
            CardErrorCode.NOT_A_MY_NUMBER_CARD,
            CardErrorCode.FILE_NOT_FOUND,
            CardErrorCode.SECURITY_STATUS_NOT_SATISFIED,
            CardErrorCode.TRANSMISSION_FAILED,
            CardErrorCode.CARD_REMOVED,
            CardErrorCode.CARD_NOT_RESPONDING);

    private static final byte[] ATR = {0x3B, (byte) 0xC5};
    private static final byte[] DIGEST = new byte[32];
    private static final byte[] SIGNATURE = new byte[256];

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyBrokenAnswerEndsInACardExceptionOrACorrectResult(long seed) {
        Map<CardErrorCode, Integer> seen = new EnumMap<>(CardErrorCode.class);
        int faultedCases = 0;
        int[] faults = {0};
        for (int i = 0; i < CASES_PER_SEED; i++) {
            long caseSeed = seed * 1_000_003L + i;
            try {
                faultedCases += runCase(caseSeed, seen, faults) ? 1 : 0;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case seed " + caseSeed + " failed: " + e, e);
            }
        }
        // The cases must really have reached the error paths, not just the happy one.
        assertThat(faultedCases).isGreaterThan(CASES_PER_SEED / 2);
        assertThat(faults[0]).as("broken answers for this seed").isGreaterThan(MIN_FAULTS_PER_SEED);
        assertThat(seen.keySet())
                .contains(
                        CardErrorCode.MALFORMED_RESPONSE,
                        CardErrorCode.UNEXPECTED_STATUS,
                        CardErrorCode.NOT_A_MY_NUMBER_CARD,
                        CardErrorCode.WRONG_PIN,
                        CardErrorCode.PIN_LOCKED);
    }

    /** One session with a randomly configured card and random faults; true if any fault hit. */
    private static boolean runCase(long caseSeed, Map<CardErrorCode, Integer> seen, int[] faults) {
        Random random = new Random(caseSeed);
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.fixedSignature = SIGNATURE;
        card.extendedReads = ScriptedJpkiCard.ExtendedReads.values()[random.nextInt(4)];
        card.maxAnswer = random.nextBoolean() ? 65536 : 1 + random.nextInt(1024);
        card.endOfFileWarning = random.nextBoolean();
        card.getResponsePiece = random.nextInt(4) == 0 ? 1 + random.nextInt(255) : 0;
        if (random.nextInt(8) == 0) {
            card.setAuthPinTries(random.nextInt(4));
        }
        FaultInjectingChannel channel = new FaultInjectingChannel(card, random, 0.05 + random.nextDouble() * 0.3);
        JpkiSession session = new JpkiSession("Fuzz 00", ATR, channel, random.nextInt(4) == 0);
        boolean anyFault = false;
        boolean authPinLocked = false;
        for (int op = 0, ops = 1 + random.nextInt(6); op < ops; op++) {
            channel.resetFaulted();
            int choice = random.nextInt(7);
            int verifiesBefore = channel.verifiesWithData();
            try {
                Object result = run(session, choice, random);
                if (!channel.faulted()) {
                    assertCorrect(choice, result);
                } else {
                    assertThat(result).isNotNull();
                }
                if (authPinLocked) {
                    assertThat(choice)
                            .as("a verify succeeded after the PIN was locked")
                            .isNotEqualTo(4);
                }
                authPinLocked |= choice == 3 && (Integer) result == 0;
            } catch (CardException e) {
                seen.merge(e.code(), 1, Integer::sum);
                if (!SENSIBLE.contains(e.code())) {
                    throw new AssertionError("unexpected code " + e.code() + " for a broken answer", e);
                }
                if (authPinLocked && choice == 4) {
                    assertThat(channel.verifiesWithData())
                            .as("no PIN may be sent once the auth PIN is known to be locked")
                            .isEqualTo(verifiesBefore);
                    assertThat(e.code()).isEqualTo(CardErrorCode.PIN_LOCKED);
                }
                authPinLocked |= e.code() == CardErrorCode.PIN_LOCKED && (choice == 4 || choice == 5);
            }
            anyFault |= channel.faulted();
        }
        faults[0] += channel.faults();
        return anyFault;
    }

    private static Object run(JpkiSession session, int choice, Random random) {
        switch (choice) {
            case 0:
                return session.kind();
            case 1:
                return session.readAuthCertificate();
            case 2:
                return session.readAuthCaCertificate();
            case 3:
                return session.authPinTriesLeft();
            case 4:
                session.verifyAuthPin((random.nextBoolean() ? "1234" : "0000").toCharArray());
                return Boolean.TRUE;
            case 5:
                return session.signWithAuthKey(DIGEST);
            default:
                return session.readBasicAttributes("5678".toCharArray());
        }
    }

    private static void assertCorrect(int choice, Object result) {
        switch (choice) {
            case 0 -> assertThat(result).isIn(CardKind.MY_NUMBER_CARD, CardKind.OTHER);
            case 1 -> assertThat((X509Certificate) result).isEqualTo(TestPki.get().authCertificate);
            case 2 -> assertThat((X509Certificate) result).isEqualTo(TestPki.get().authCaCertificate);
            case 3 -> assertThat((Integer) result).isBetween(0, 15);
            case 5 -> assertThat((byte[]) result).isEqualTo(SIGNATURE);
            case 6 -> assertThat(((BasicAttributes) result).name()).isEqualTo("見本 太郎");
            default -> assertThat(result).isEqualTo(Boolean.TRUE);
        }
    }
}
