package jp.madoguchi.sim.center;

import static jp.madoguchi.center.protocol.CertificateType.INCOME_TAX;
import static jp.madoguchi.center.protocol.CertificateType.KOSEKI_FULL;
import static jp.madoguchi.center.protocol.CertificateType.RESIDENCE_RECORD;
import static jp.madoguchi.center.protocol.CertificateType.RESIDENCE_RECORD_ITEMS;
import static jp.madoguchi.center.protocol.CertificateType.SEAL_REGISTRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.center.CenterException;
import jp.madoguchi.center.CenterSession;
import jp.madoguchi.center.Challenge;
import jp.madoguchi.center.Issuance;
import jp.madoguchi.center.VerifiedDocument;
import jp.madoguchi.center.internal.Digests;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.OutcomeResponse;
import jp.madoguchi.sim.center.registry.DocumentStatus;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import jp.madoguchi.testing.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CenterSimulatorTest {
    /** A Wednesday, 10:00 in Japan: everything is open. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2025-10-15T01:00:00Z");

    @TempDir
    static Path data;

    static MutableClock clock = new MutableClock(WEDNESDAY_MORNING);
    static CenterSimulator center;
    static TestCards cards;
    static Kiosk kiosk;
    static Kiosk otherKiosk;

    @BeforeAll
    static void start() {
        center = CenterSimulator.builder(data).admin(true).clock(clock).start();
        cards = new TestCards(center.pki());
        kiosk = new Kiosk(client("KIOSK-0001").build());
        otherKiosk = new Kiosk(client("KIOSK-0002").build());
    }

    static CenterClient.Builder client(String kioskId) {
        return CenterClient.builder()
                .baseUrl(center.baseUrl())
                .credentials(center.kioskCredentials(kioskId))
                .pinnedCenterCa(center.centerCa())
                .retryBackoff(Duration.ofMillis(10));
    }

    @AfterEach
    void resetFaults() {
        center.faults().clear();
        clock.set(WEDNESDAY_MORNING);
        center.recordedRequests().forEach(r -> center.takeRequest(Duration.ZERO));
    }

    @AfterAll
    static void stop() {
        kiosk.client.close();
        otherKiosk.client.close();
        center.close();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void happyPathIssuesAResidenceRecordBoundToThisSessionAndCard() throws Exception {
        TestCards.Card card = cards.of("R0001");
        CenterSession session = kiosk.open(card);

        assertThat(session.municipalityCode()).isEqualTo(ResidentCatalogue.SHINONOME.code());
        assertThat(session.menu().available()).extracting(MenuItem::type).containsExactly(CertificateType.values());
        MenuItem record = session.menu().item(RESIDENCE_RECORD).orElseThrow();
        assertThat(record.feeYen()).isEqualTo(200);
        assertThat(record.options()).contains(CertificateOption.MY_NUMBER, CertificateOption.HONSEKI_AND_HEAD);

        Issuance issuance = kiosk.issue(
                session,
                new OrderItem(
                        RESIDENCE_RECORD,
                        IssuanceScope.SELF,
                        List.of(),
                        List.of(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION, CertificateOption.HONSEKI_AND_HEAD),
                        2));
        VerifiedDocument doc = issuance.documents().get(0);
        assertThat(issuance.totalFeeYen()).isEqualTo(400);
        assertThat(doc.metadata().sessionId()).isEqualTo(session.sessionId());
        assertThat(doc.metadata().cardCertificateSha256())
                .isEqualTo(Digests.sha256Hex(card.certificate().getEncoded()));
        String text = text(doc.content());
        assertThat(text)
                .contains("住民票の写し", "山田　太郎", "桜町二丁目3番5号", "世帯主", "本籍", doc.documentId())
                .contains("東雲市長", "この写しは、住民票の原本と相違ないことを証明する。")
                .doesNotContain("山田　花子");
        assertThat(center.documentStatus(doc.documentId())).contains(DocumentStatus.PENDING);

        OutcomeResponse outcome =
                kiosk.client.reportOutcome(issuance.issuanceId(), List.of(doc.documentId()), List.of());
        assertThat(outcome.issued()).containsExactly(doc.documentId());
        assertThat(center.documentStatus(doc.documentId())).contains(DocumentStatus.ISSUED);
        kiosk.client.closeSession(session.sessionId());
        assertThat(center.documentStatus(doc.documentId())).contains(DocumentStatus.ISSUED);
    }

    @Test
    void everyCertificateTypeRendersWithTheResidentsData() throws Exception {
        CenterSession session = kiosk.open(cards.of("R0001"));
        Issuance issuance = kiosk.issue(
                session,
                OrderItem.self(RESIDENCE_RECORD_ITEMS),
                OrderItem.self(SEAL_REGISTRATION),
                OrderItem.incomeTax(2025),
                OrderItem.self(KOSEKI_FULL),
                OrderItem.self(CertificateType.KOSEKI_INDIVIDUAL),
                OrderItem.self(CertificateType.KOSEKI_FUHYO));
        assertThat(issuance.documents()).hasSize(6);
        assertThat(text(issuance.documents().get(0).content())).contains("住民票記載事項証明書", "山田　太郎");
        assertThat(text(issuance.documents().get(1).content())).contains("印鑑登録証明書", "山田　太郎");
        assertThat(text(issuance.documents().get(2).content())).contains("所得・課税証明書（令和7年度）", "年税額");
        assertThat(text(issuance.documents().get(3).content())).contains("戸籍全部事項証明書", "太郎", "花子", "蓮");
        assertThat(text(issuance.documents().get(4).content()))
                .contains("戸籍個人事項証明書")
                .doesNotContain("花子");
        assertThat(text(issuance.documents().get(5).content())).contains("戸籍の附票の写し", "住所を定めた年月日");
        kiosk.client.closeSession(session.sessionId());
        assertThat(issuance.documents()).allSatisfy(d -> assertThat(center.documentStatus(d.documentId()))
                .contains(DocumentStatus.VOIDED));
    }

    @Test
    void wholeHouseholdRecordOfSevenRunsToSeveralPages() throws Exception {
        CenterSession session = kiosk.open(cards.of("R0022"));
        Issuance issuance =
                kiosk.issue(session, new OrderItem(RESIDENCE_RECORD, IssuanceScope.HOUSEHOLD, List.of(), List.of(), 1));
        VerifiedDocument doc = issuance.documents().get(0);
        assertThat(doc.metadata().pages()).isGreaterThanOrEqualTo(2);
        assertThat(text(doc.content())).contains("清水　勝", "清水　湊", "（次頁に続く）");
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void chosenMembersOnlyAppearOnTheRecord() throws Exception {
        CenterSession session = kiosk.open(cards.of("R0001"));
        Issuance issuance = kiosk.issue(
                session,
                new OrderItem(RESIDENCE_RECORD, IssuanceScope.SELECTED_MEMBERS, List.of("R0002"), List.of(), 1));
        assertThat(text(issuance.documents().get(0).content()))
                .contains("山田　花子")
                .doesNotContain("山田　蓮");
        assertThatThrownBy(() -> kiosk.issue(
                        session,
                        new OrderItem(
                                RESIDENCE_RECORD, IssuanceScope.SELECTED_MEMBERS, List.of("R0022"), List.of(), 1)))
                .isInstanceOf(CenterException.class)
                .extracting(e -> ((CenterException) e).code())
                .isEqualTo(ErrorCode.MEMBER_NOT_IN_HOUSEHOLD);
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void blockedResidentsGetNoSession() {
        for (String id : List.of("R0004", "R0005", "R0006", "R0007", "R0008", "R0009")) {
            assertRefused(() -> kiosk.open(cards.of(id)), ErrorCode.RESIDENT_BLOCKED);
        }
    }

    @Test
    void recordsTooLongOrWithCharactersTheTypefaceLacksAreRefusedNotSubstituted() throws Exception {
        assertRefused(() -> kiosk.open(cards.of("R0014")), ErrorCode.RECORD_NOT_PRINTABLE);
        assertRefused(() -> kiosk.open(cards.of("R0015")), ErrorCode.RECORD_NOT_PRINTABLE);
        CenterSession session = kiosk.open(cards.of("R0016"));
        Issuance issuance = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD));
        assertThat(text(issuance.documents().get(0).content())).contains("髙橋　美穂");
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void menuGivesTheReasonForEachTypeLeftOut() {
        assertThat(reason("R0003", SEAL_REGISTRATION)).isEqualTo(ErrorCode.UNDER_AGE);
        assertThat(reason("R0010", SEAL_REGISTRATION)).isEqualTo(ErrorCode.SEAL_NOT_REGISTERED);
        assertThat(reason("R0011", INCOME_TAX)).isEqualTo(ErrorCode.TAX_DATA_MISSING);
        assertThat(reason("R0013", KOSEKI_FULL)).isEqualTo(ErrorCode.KOSEKI_NOT_REGISTERED);
        assertThat(reason("R0017", KOSEKI_FULL)).isEqualTo(ErrorCode.KOSEKI_NOT_APPLICABLE);
        assertThat(reason("R0018", KOSEKI_FULL)).isEqualTo(ErrorCode.KOSEKI_PENDING);
        assertThat(reason("R0019", RESIDENCE_RECORD_ITEMS)).isEqualTo(ErrorCode.NOT_OFFERED);
        assertThat(reason("R0021", INCOME_TAX)).isEqualTo(ErrorCode.NOT_OFFERED);
    }

    @Test
    void kosekiOfARegisteredResidentComesFromTheHonsekiMunicipality() throws Exception {
        CenterSession session = kiosk.open(cards.of("R0012"));
        assertThat(session.menu().item(KOSEKI_FULL).orElseThrow().municipalityCode())
                .isEqualTo(ResidentCatalogue.KITAHAMA.code());
        Issuance issuance = kiosk.issue(session, OrderItem.self(KOSEKI_FULL));
        assertThat(issuance.documents().get(0).metadata().municipalityCode())
                .isEqualTo(ResidentCatalogue.KITAHAMA.code());
        assertThat(text(issuance.documents().get(0).content())).contains("北浜市長");
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void foreignResidentsGetResidenceOptionsAndMunicipalitiesDifferOnMyNumber() {
        CenterSession foreign = kiosk.open(cards.of("R0017"));
        assertThat(foreign.menu().item(RESIDENCE_RECORD).orElseThrow().options())
                .contains(CertificateOption.NATIONALITY, CertificateOption.RESIDENCE_STATUS)
                .doesNotContain(CertificateOption.HONSEKI_AND_HEAD);
        kiosk.client.closeSession(foreign.sessionId());
        CenterSession wakaba = kiosk.open(cards.of("R0019"));
        assertThat(wakaba.menu().item(RESIDENCE_RECORD).orElseThrow().options())
                .doesNotContain(CertificateOption.MY_NUMBER);
        assertRefused(
                () -> kiosk.issue(
                        wakaba,
                        new OrderItem(
                                RESIDENCE_RECORD,
                                IssuanceScope.SELF,
                                List.of(),
                                List.of(CertificateOption.MY_NUMBER),
                                1)),
                ErrorCode.OPTION_NOT_ALLOWED);
        kiosk.client.closeSession(wakaba.sessionId());
    }

    @Test
    void weekdayOnlyKosekiIsOutsideHoursOnSaturdayAndTheServiceStopsAtNight() {
        clock.set(Instant.parse("2025-10-18T01:00:00Z")); // Saturday 10:00 JST
        assertThat(reason("R0019", KOSEKI_FULL)).isEqualTo(ErrorCode.OUTSIDE_HOURS);
        assertThat(reason("R0001", KOSEKI_FULL)).isNull();
        clock.set(Instant.parse("2025-10-15T15:00:00Z")); // Thursday 0:00 JST
        assertRefused(() -> kiosk.open(cards.of("R0001")), ErrorCode.OUTSIDE_HOURS);
        clock.set(Instant.parse("2025-12-30T01:00:00Z")); // year-end stop
        assertRefused(() -> kiosk.open(cards.of("R0001")), ErrorCode.OUTSIDE_HOURS);
    }

    @Test
    void maintenanceRefusesSessionsAndIssuancesOfThatMunicipality() {
        CenterSession session = kiosk.open(cards.of("R0001"));
        center.maintenance(ResidentCatalogue.SHINONOME.code(), true);
        try {
            assertRefused(
                    () -> kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD)), ErrorCode.MUNICIPALITY_MAINTENANCE);
            assertRefused(() -> kiosk.open(cards.of("R0002")), ErrorCode.MUNICIPALITY_MAINTENANCE);
        } finally {
            center.maintenance(ResidentCatalogue.SHINONOME.code(), false);
        }
        clock.set(Instant.parse("2025-12-13T03:00:00Z")); // inside 青葉市's migration window
        assertRefused(() -> kiosk.open(cards.of("R0020")), ErrorCode.MUNICIPALITY_MAINTENANCE);
    }

    @Test
    void revokedCardIsRefusedByOcspAndByTheCrlWhenOcspIsDown() {
        CenterSession before = kiosk.open(cards.of("R0100"));
        kiosk.client.closeSession(before.sessionId());
        center.revokeCard("R0100");
        assertRefused(() -> kiosk.open(cards.of("R0100")), ErrorCode.CERT_REVOKED);
        center.faults().ocspUnavailable(true);
        assertRefused(() -> kiosk.open(cards.of("R0100")), ErrorCode.CERT_REVOKED);
        CenterSession other = kiosk.open(cards.of("R0101"));
        kiosk.client.closeSession(other.sessionId());
    }

    @Test
    void cardChecksRefuseExpiredForeignAndBadlySignedCards() throws Exception {
        assertRefused(
                () -> kiosk.open(cards.withValidity(
                        "R0102", Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))),
                ErrorCode.CERT_EXPIRED);
        TestCards.Card card = cards.of("R0102");
        Challenge challenge = kiosk.client.requestChallenge();
        byte[] signature = card.sign(challenge);
        signature[10] ^= 0x01;
        assertRefused(
                () -> kiosk.client.openSession(challenge, card.certificate(), signature), ErrorCode.SIGNATURE_INVALID);
        Challenge reused = kiosk.client.requestChallenge();
        CenterSession ok = kiosk.client.openSession(reused, card.certificate(), card.sign(reused));
        assertRefused(
                () -> kiosk.client.openSession(reused, card.certificate(), card.sign(reused)),
                ErrorCode.CHALLENGE_EXPIRED);
        kiosk.client.closeSession(ok.sessionId());
        // A certificate of the center CA instead of the JPKI CA.
        Challenge third = kiosk.client.requestChallenge();
        assertRefused(
                () -> kiosk.client.openSession(third, center.centerCa(), card.sign(third)), ErrorCode.CERT_UNKNOWN);
    }

    @Test
    void sessionOfOneKioskCannotBeUsedByAnother() {
        CenterSession session = kiosk.open(cards.of("R0001"));
        assertRefused(() -> otherKiosk.issue(session, OrderItem.self(RESIDENCE_RECORD)), ErrorCode.KIOSK_MISMATCH);
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void malformedAnswersAreRefusedWithProtocolErrors() {
        center.faults().enqueue(Fault.of(Fault.Kind.GARBAGE_BODY, "/v1/challenges", 1));
        assertRefused(() -> kiosk.client.requestChallenge(), ErrorCode.PROTOCOL_ERROR);
        center.faults().enqueue(Fault.of(Fault.Kind.WRONG_CONTENT_TYPE, "/v1/challenges", 1));
        assertRefused(() -> kiosk.client.requestChallenge(), ErrorCode.PROTOCOL_ERROR);
        center.faults().enqueue(Fault.of(Fault.Kind.OVERSIZED_BODY, "/v1/challenges", 1));
        assertRefused(() -> kiosk.client.requestChallenge(), ErrorCode.PROTOCOL_ERROR);
    }

    @Test
    void transientFailuresOfSafeCallsAreRetriedAndGiveUpAfterTheLimit() {
        center.faults().failNext(2, "/v1/challenges");
        assertThat(kiosk.client.requestChallenge().nonce()).isNotBlank();
        center.faults().failNext(3, "/v1/challenges");
        CenterException e = assertRefused(() -> kiosk.client.requestChallenge(), ErrorCode.CENTER_UNAVAILABLE);
        assertThat(e.residentMessage(Locale.JAPANESE)).contains("接続できません");
        assertThat(e.residentMessage(Locale.ENGLISH)).contains("cannot be reached");
    }

    @Test
    void sessionOpeningIsNeverRetried() {
        center.faults().failNext(1, "/v1/sessions");
        TestCards.Card card = cards.of("R0001");
        Challenge challenge = kiosk.client.requestChallenge();
        assertRefused(
                () -> kiosk.client.openSession(challenge, card.certificate(), card.sign(challenge)),
                ErrorCode.CENTER_UNAVAILABLE);
        assertThat(center.recordedRequests().stream().filter(r -> r.path().equals("/v1/sessions")))
                .hasSize(1);
    }

    @Test
    void droppedIssuanceAnswerIsRetriedWithTheSameKeyAndIssuedOnce() {
        CenterSession session = kiosk.open(cards.of("R0001"));
        center.faults().dropNext(1, "/v1/sessions/" + session.sessionId() + "/issuances");
        long before = center.documentCounts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        Issuance issuance = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD));
        long after = center.documentCounts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(after - before).isEqualTo(1);
        assertThat(center.documentStatus(issuance.documents().get(0).documentId()))
                .contains(DocumentStatus.PENDING);
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void idempotentRetryReturnsTheSameDocumentsAndAnotherOrderUnderTheKeyConflicts() {
        CenterSession session = kiosk.open(cards.of("R0001"));
        Issuance first = kiosk.client.issue(session, List.of(OrderItem.self(RESIDENCE_RECORD)), "key-1");
        Issuance again = kiosk.client.issue(session, List.of(OrderItem.self(RESIDENCE_RECORD)), "key-1");
        assertThat(again.issuanceId()).isEqualTo(first.issuanceId());
        assertThat(again.documents().get(0).documentId())
                .isEqualTo(first.documents().get(0).documentId());
        assertRefused(
                () -> kiosk.client.issue(session, List.of(OrderItem.self(SEAL_REGISTRATION)), "key-1"),
                ErrorCode.IDEMPOTENCY_CONFLICT);
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void documentsBoundToAnotherSessionOrTamperedAreNeverHandedOut() {
        CenterSession session = kiosk.open(cards.of("R0001"));
        center.faults().enqueue(Fault.of(Fault.Kind.MISMATCHED_BINDING, "/v1/sessions/", 1));
        CenterException e =
                assertRefused(() -> kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD)), ErrorCode.DOCUMENT_INVALID);
        assertThat(e.getMessage()).contains("another session");
        center.faults().enqueue(Fault.of(Fault.Kind.TAMPERED_CONTENT, "/v1/sessions/", 1));
        e = assertRefused(() -> kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD)), ErrorCode.DOCUMENT_INVALID);
        assertThat(e.getMessage()).contains("differs from the signed content");
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void slowCenterTimesOutWithinTheCallLimit() {
        try (CenterClient impatient = client("KIOSK-0001")
                .challengeTimeout(Duration.ofMillis(300))
                .maxAttempts(1)
                .build()) {
            center.faults().delayNext(1, "/v1/challenges", Duration.ofSeconds(2));
            long start = System.nanoTime();
            assertRefused(impatient::requestChallenge, ErrorCode.CENTER_UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void outcomeVoidsWhatWasNotPrintedAndClosingVoidsWhatWasNotReported() {
        CenterSession session = kiosk.open(cards.of("R0002"));
        Issuance a = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD), OrderItem.self(SEAL_REGISTRATION));
        Issuance b = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD));
        String printed = a.documents().get(0).documentId();
        String failed = a.documents().get(1).documentId();
        OutcomeResponse outcome = kiosk.client.reportOutcome(a.issuanceId(), List.of(printed), List.of(failed));
        assertThat(outcome.issued()).containsExactly(printed);
        assertThat(outcome.voided()).containsExactly(failed);
        // Repeating the report changes nothing; a late "printed" cannot revive a voided document.
        assertThat(kiosk.client
                        .reportOutcome(a.issuanceId(), List.of(printed, failed), List.of())
                        .voided())
                .containsExactly(failed);
        kiosk.client.closeSession(session.sessionId());
        assertThat(center.documentStatus(b.documents().get(0).documentId())).contains(DocumentStatus.VOIDED);
        assertThat(center.auditLog(50)).anySatisfy(line -> assertThat(line).contains("SESSION_CLOSED"));
        assertThat(String.join("\n", center.auditLog(500))).doesNotContain("山田").doesNotContain("R0002");
    }

    @Test
    void outcomeThatEndsTheSessionClosesItInTheSameCall() {
        CenterSession session = kiosk.open(cards.of("R0002"));
        Issuance a = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD));
        Issuance b = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD));
        String printed = a.documents().get(0).documentId();
        center.recordedRequests().forEach(r -> center.takeRequest(Duration.ZERO));

        OutcomeResponse outcome =
                kiosk.client.reportOutcomeAndClose(session.sessionId(), a.issuanceId(), List.of(printed), List.of());

        assertThat(outcome.endedSession()).isTrue();
        assertThat(outcome.issued()).containsExactly(printed);
        // One call: the outcome, and no DELETE after it.
        assertThat(center.recordedRequests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /v1/issuances/" + a.issuanceId() + "/outcome");
        assertThat(center.documentStatus(printed)).contains(DocumentStatus.ISSUED);
        assertThat(center.documentStatus(b.documents().get(0).documentId())).contains(DocumentStatus.VOIDED);
        assertRefused(
                () -> kiosk.client.issue(session, List.of(OrderItem.self(RESIDENCE_RECORD)), "after-close"),
                ErrorCode.SESSION_EXPIRED);
        // A repeat after a lost answer changes nothing; the session stays ended; DELETE still works.
        OutcomeResponse again =
                kiosk.client.reportOutcomeAndClose(session.sessionId(), a.issuanceId(), List.of(printed), List.of());
        assertThat(again.endedSession()).isTrue();
        assertThat(again.issued()).containsExactly(printed);
        kiosk.client.closeSession(session.sessionId());
        assertThat(center.documentStatus(printed)).contains(DocumentStatus.ISSUED);
    }

    @Test
    void plainOutcomeLeavesTheSessionOpen() {
        CenterSession session = kiosk.open(cards.of("R0002"));
        Issuance a = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD));
        OutcomeResponse outcome = kiosk.client.reportOutcome(
                a.issuanceId(), List.of(a.documents().get(0).documentId()), List.of());
        assertThat(outcome.endedSession()).isFalse();
        Issuance b = kiosk.issue(session, OrderItem.self(RESIDENCE_RECORD));
        assertThat(b.documents()).hasSize(1);
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void recordedRequestsShowWhatTheKioskSent() {
        center.recordedRequests().forEach(r -> center.takeRequest(Duration.ZERO));
        kiosk.client.requestChallenge();
        RecordedRequest r = center.takeRequest(Duration.ofSeconds(1)).orElseThrow();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/challenges");
        assertThat(r.kioskId()).isEqualTo("KIOSK-0001");
        assertThat(r.bodyText()).contains("\"kioskId\":\"KIOSK-0001\"");
    }

    private static ErrorCode reason(String residentId, CertificateType type) {
        CenterSession session = kiosk.open(cards.of(residentId));
        kiosk.client.closeSession(session.sessionId());
        return session.menu().reasonUnavailable(type).orElse(null);
    }

    private static CenterException assertRefused(Runnable call, ErrorCode code) {
        try {
            call.run();
        } catch (CenterException e) {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            return e;
        }
        throw new AssertionError("expected " + code + " but the call succeeded");
    }
}
