package jp.madoguchi.sim.center.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.ChallengeResponse;
import jp.madoguchi.center.protocol.DocumentMetadata;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.IssuanceRequest;
import jp.madoguchi.center.protocol.IssuanceResponse;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.IssuedDocument;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.OutcomeRequest;
import jp.madoguchi.center.protocol.OutcomeResponse;
import jp.madoguchi.center.protocol.Protocol;
import jp.madoguchi.center.protocol.SessionRequest;
import jp.madoguchi.center.protocol.SessionResponse;
import jp.madoguchi.sim.center.documents.CertificateLayouts;
import jp.madoguchi.sim.center.documents.CertificatePdfRenderer;
import jp.madoguchi.sim.center.documents.DocumentTemplates;
import jp.madoguchi.sim.center.documents.MunicipalSigner;
import jp.madoguchi.sim.center.documents.RenderedTemplate;
import jp.madoguchi.sim.center.registry.DocumentRecord;
import jp.madoguchi.sim.center.registry.DocumentStatus;
import jp.madoguchi.sim.center.registry.MunicipalityService;
import jp.madoguchi.sim.center.registry.Registry;
import jp.madoguchi.sim.center.rules.IssuanceRules;
import jp.madoguchi.sim.center.rules.Refusal;
import jp.madoguchi.sim.center.rules.SessionDecision;
import jp.madoguchi.sim.pki.CenterPki;
import jp.madoguchi.sim.pki.SimulatorPki;
import jp.madoguchi.sim.resident.Resident;

/**
 * What the center does for each protocol call, independent of HTTP: challenges, card checks
 * (chain to the JPKI user-auth CA, validity, signature over nonce ‖ kiosk id, revocation),
 * sessions with the rules' menu, issuance of signed documents (idempotent per key), outcomes
 * and session ends. Every document is stamped, hashed and signed on its own, bound to its
 * session and card certificate; nothing of one session is shared with another.
 */
public final class CenterService {
    private final SimulatorPki pki;
    private final CenterPki centerPki;
    private final Registry registry;
    private final IssuanceRules rules;
    private final RevocationChecker revocation;
    private final Challenges challenges;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final CertificatePdfRenderer renderer;
    private final DocumentTemplates templates = new DocumentTemplates(2048);
    private final Map<String, MunicipalSigner> signers = new ConcurrentHashMap<>();
    private final Map<String, SessionState> sessions = new ConcurrentHashMap<>();
    private final Map<String, SessionState> sessionByIssuance = new ConcurrentHashMap<>();
    /** Card certificate serials seen per resident, so the admin API can revoke by resident id. */
    private final Map<String, Set<BigInteger>> serialsByResident = new ConcurrentHashMap<>();

    private final ObjectMapper json = Protocol.newObjectMapper();
    private final CertificateFactory x509;

    public CenterService(
            SimulatorPki pki,
            CenterPki centerPki,
            Registry registry,
            Predicate<String> printable,
            RevocationChecker revocation,
            Clock clock,
            Duration challengeLifetime,
            Duration sessionLifetime,
            int renderParallelism) {
        this.pki = pki;
        this.centerPki = centerPki;
        this.registry = registry;
        this.rules = new IssuanceRules(registry, printable);
        this.revocation = revocation;
        this.clock = clock;
        this.challenges = new Challenges(clock, challengeLifetime);
        this.sessionLifetime = sessionLifetime;
        this.renderer = new CertificatePdfRenderer(renderParallelism);
        try {
            this.x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 is missing from this JVM", e);
        }
    }

    public ChallengeResponse challenge(String kioskId, String bodyKioskId) {
        requireSameKiosk(kioskId, bodyKioskId);
        return challenges.issue(kioskId);
    }

    public SessionResponse openSession(String kioskId, SessionRequest request, boolean forcedOutsideHours) {
        requireSameKiosk(kioskId, request.kioskId());
        challenges.consume(request.nonce(), kioskId);
        X509Certificate card = parseCard(request.certificate());
        X509Certificate ca = pki.userAuthenticationCa().certificate();
        if (!card.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new Refusal(ErrorCode.CERT_UNKNOWN, "the card certificate is not from the JPKI user-auth CA");
        }
        try {
            card.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new Refusal(ErrorCode.CERT_UNKNOWN, "the card certificate does not chain to the JPKI user-auth CA");
        }
        try {
            card.checkValidity(java.util.Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new Refusal(ErrorCode.CERT_EXPIRED, "the card certificate is outside its validity period");
        }
        verifyChallengeSignature(card, request, kioskId);
        String residentId = SimulatorPki.residentIdOf(card);
        Resident resident =
                residentId == null ? null : registry.resident(residentId).orElse(null);
        if (resident == null) {
            throw new Refusal(ErrorCode.CERT_UNKNOWN, "the card certificate maps to no resident");
        }
        serialsByResident
                .computeIfAbsent(residentId, r -> ConcurrentHashMap.newKeySet())
                .add(card.getSerialNumber());
        revocation.check(card);
        Instant now = clock.instant();
        SessionDecision decision = rules.decide(resident, now, forcedOutsideHours);
        String sessionId = UUID.randomUUID().toString();
        String cardSha = sha256Hex(der(card));
        SessionState state = new SessionState(
                sessionId,
                kioskId,
                residentId,
                cardSha,
                decision.home().code(),
                decision.menu(),
                now.plus(sessionLifetime));
        sessions.put(sessionId, state);
        registry.audit(now, "SESSION_OPENED", kioskId, sessionId, null, null);
        return new SessionResponse(
                sessionId,
                state.expiresAt,
                decision.home().code(),
                decision.home().municipality().name(),
                decision.menu());
    }

    /** Issues the order; {@code bindingFault} binds the documents to another session on purpose (fault injection). */
    public IssuanceResponse issue(
            String kioskId, String sessionId, IssuanceRequest request, boolean forcedOutsideHours, Fault fault) {
        SessionState s = liveSession(sessionId, kioskId);
        synchronized (s) {
            SessionState.Issued earlier = s.byIdempotencyKey.get(request.idempotencyKey());
            if (earlier != null) {
                if (!earlier.request().equals(request)) {
                    throw new Refusal(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency key reused for another order");
                }
                return earlier.response();
            }
            Resident resident = registry.resident(s.residentId).orElseThrow();
            Instant now = clock.instant();
            SessionDecision decision = rules.decide(resident, now, forcedOutsideHours);
            rules.checkOrder(decision.menu(), request.items(), now);
            String issuanceId = UUID.randomUUID().toString();
            List<IssuedDocument> documents = new ArrayList<>();
            List<DocumentRecord> records = new ArrayList<>();
            int total = 0;
            LocalDate today = now.atZone(IssuanceRules.JAPAN).toLocalDate();
            for (int i = 0; i < request.items().size(); i++) {
                OrderItem item = request.items().get(i);
                MenuItem entry = decision.menu().item(item.type()).orElseThrow();
                MunicipalityService issuer =
                        registry.municipality(entry.municipalityCode()).orElseThrow();
                List<Resident> household = registry.household(resident.householdId());
                List<Resident> persons = persons(resident, household, item);
                Set<CertificateOption> options = item.options().isEmpty() ? Set.of() : EnumSet.copyOf(item.options());
                List<String> personIds =
                        persons.stream().map(Resident::residentId).toList();
                Object key = List.of(
                        item.type(),
                        personIds,
                        new TreeSet<>(options),
                        issuer.code(),
                        today,
                        java.util.Objects.requireNonNullElse(item.fiscalYear(), 0));
                RenderedTemplate template = templates.get(
                        key,
                        () -> renderer.render(CertificateLayouts.of(
                                item.type(),
                                resident,
                                persons,
                                household,
                                options,
                                issuer.municipality(),
                                today,
                                item.fiscalYear())));
                String documentId = UUID.randomUUID().toString();
                String number = registry.nextDocumentNumber(issuer.code());
                byte[] pdf = CertificatePdfRenderer.stamp(template, String.format("%-18s %s", number, documentId));
                String boundSession =
                        fault == Fault.MISMATCHED_BINDING ? UUID.randomUUID().toString() : sessionId;
                DocumentMetadata metadata = new DocumentMetadata(
                        Protocol.METADATA_VERSION,
                        documentId,
                        number,
                        issuanceId,
                        boundSession,
                        kioskId,
                        s.cardCertificateSha256,
                        issuer.code(),
                        item.type(),
                        item.scope(),
                        item.options(),
                        i,
                        item.copies(),
                        template.pages(),
                        entry.feeYen(),
                        now,
                        Protocol.PDF,
                        pdf.length,
                        sha256Hex(pdf),
                        fault == Fault.WRONG_FISCAL_YEAR && item.fiscalYear() != null
                                ? Integer.valueOf(item.fiscalYear() - 1)
                                : item.fiscalYear());
                byte[] metadataBytes = writeJson(metadata);
                byte[] signature = signer(issuer).sign(metadataBytes);
                if (fault == Fault.TAMPERED_CONTENT) {
                    pdf[pdf.length / 2] ^= 0x01;
                }
                documents.add(new IssuedDocument(documentId, Protocol.PDF, pdf, metadataBytes, signature));
                records.add(new DocumentRecord(
                        documentId,
                        number,
                        i,
                        item.type(),
                        issuer.code(),
                        item.copies(),
                        entry.feeYen(),
                        metadata.contentSha256()));
                total += entry.feeYen() * item.copies();
            }
            registry.recordIssuance(issuanceId, sessionId, kioskId, request.idempotencyKey(), now, records);
            IssuanceResponse response = new IssuanceResponse(issuanceId, sessionId, total, documents);
            s.byIdempotencyKey.put(request.idempotencyKey(), new SessionState.Issued(request, response));
            s.issuanceIds.add(issuanceId);
            sessionByIssuance.put(issuanceId, s);
            return response;
        }
    }

    /** The faults the issuance can be asked to commit on purpose. */
    public enum Fault {
        NONE,
        MISMATCHED_BINDING,
        TAMPERED_CONTENT,
        WRONG_FISCAL_YEAR
    }

    public OutcomeResponse outcome(String kioskId, String issuanceId, OutcomeRequest request) {
        SessionState s = sessionByIssuance.get(issuanceId);
        String sessionId;
        if (s != null) {
            sessionId = s.sessionId;
            if (!s.kioskId.equals(kioskId)) {
                throw new Refusal(ErrorCode.KIOSK_MISMATCH, "the issuance belongs to another kiosk");
            }
        } else {
            // The session is gone (closed or expired): its documents are already void.
            sessionId = registry.sessionOfIssuance(issuanceId)
                    .orElseThrow(() -> new Refusal(ErrorCode.ISSUANCE_UNKNOWN, "no such issuance"));
        }
        Map<String, DocumentStatus> result =
                registry.applyOutcome(issuanceId, Set.copyOf(request.printed()), clock.instant(), kioskId, sessionId);
        if (!result.keySet().containsAll(request.printed()) || !result.keySet().containsAll(request.failed())) {
            throw new Refusal(ErrorCode.ISSUANCE_UNKNOWN, "the outcome names documents of another issuance");
        }
        List<String> issued = new ArrayList<>();
        List<String> voided = new ArrayList<>();
        result.forEach((id, status) -> (status == DocumentStatus.ISSUED ? issued : voided).add(id));
        if (!request.endsSession()) {
            return new OutcomeResponse(issuanceId, issued, voided);
        }
        // The kiosk's last call of the transaction: close the session as DELETE would. A session
        // already gone (closed, expired, or this outcome repeated) is ended all the same.
        if (s != null) {
            end(s, "SESSION_CLOSED");
        }
        return new OutcomeResponse(issuanceId, issued, voided, true);
    }

    public void closeSession(String kioskId, String sessionId) {
        SessionState s = sessions.get(sessionId);
        if (s == null) {
            return; // idempotent: already closed or expired
        }
        if (!s.kioskId.equals(kioskId)) {
            throw new Refusal(ErrorCode.KIOSK_MISMATCH, "the session belongs to another kiosk");
        }
        end(s, "SESSION_CLOSED");
    }

    /** Ends sessions past their lifetime, voiding what they left pending. */
    public void expireSessions() {
        Instant now = clock.instant();
        for (SessionState s : sessions.values()) {
            if (now.isAfter(s.expiresAt)) {
                end(s, "SESSION_EXPIRED");
            }
        }
    }

    public int openSessions() {
        return sessions.size();
    }

    /** Revokes the card certificates of a resident seen by this center, and the default-validity one. */
    public List<BigInteger> serialsOf(String residentId) {
        Set<BigInteger> serials = new TreeSet<>(serialsByResident.getOrDefault(residentId, Set.of()));
        serials.add(jp.madoguchi.sim.pki.CertificateAuthority.serialFor(
                "auth:" + residentId + ":" + Instant.parse("2025-04-01T00:00:00Z")));
        return List.copyOf(serials);
    }

    public DocumentTemplates templates() {
        return templates;
    }

    private void end(SessionState s, String event) {
        if (sessions.remove(s.sessionId) == null) {
            return;
        }
        synchronized (s) {
            registry.voidPending(s.sessionId, clock.instant(), s.kioskId, event);
            s.issuanceIds.forEach(sessionByIssuance::remove);
            s.byIdempotencyKey.clear();
        }
    }

    private SessionState liveSession(String sessionId, String kioskId) {
        SessionState s = sessions.get(sessionId);
        if (s == null) {
            throw new Refusal(ErrorCode.SESSION_EXPIRED, "no open session " + sessionId);
        }
        if (!s.kioskId.equals(kioskId)) {
            throw new Refusal(ErrorCode.KIOSK_MISMATCH, "the session belongs to another kiosk");
        }
        if (clock.instant().isAfter(s.expiresAt)) {
            end(s, "SESSION_EXPIRED");
            throw new Refusal(ErrorCode.SESSION_EXPIRED, "the session expired");
        }
        return s;
    }

    private static List<Resident> persons(Resident cardholder, List<Resident> household, OrderItem item) {
        if (item.scope() == IssuanceScope.HOUSEHOLD) {
            return household;
        }
        if (item.scope() == IssuanceScope.SELECTED_MEMBERS) {
            return household.stream()
                    .filter(m -> item.memberRefs().contains(m.residentId()))
                    .toList();
        }
        return List.of(cardholder);
    }

    private MunicipalSigner signer(MunicipalityService m) {
        return signers.computeIfAbsent(
                m.code(),
                c -> new MunicipalSigner(
                        centerPki.municipality(c, m.municipality().name())));
    }

    private void verifyChallengeSignature(X509Certificate card, SessionRequest request, String kioskId) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(card.getPublicKey());
            verifier.update(Protocol.challengeSignedBytes(request.nonce(), kioskId));
            if (!verifier.verify(Base64.getDecoder().decode(request.signature()))) {
                throw new Refusal(ErrorCode.SIGNATURE_INVALID, "the challenge signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refusal(ErrorCode.SIGNATURE_INVALID, "the challenge signature does not verify");
        }
    }

    private X509Certificate parseCard(String base64) {
        try {
            return (X509Certificate) x509.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new Refusal(ErrorCode.CERT_UNKNOWN, "the card certificate cannot be parsed");
        }
    }

    private static void requireSameKiosk(String tlsKioskId, String bodyKioskId) {
        if (!tlsKioskId.equals(bodyKioskId)) {
            throw new Refusal(ErrorCode.KIOSK_MISMATCH, "the kiosk id differs from the TLS client certificate");
        }
    }

    private byte[] writeJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new Refusal(ErrorCode.CERT_UNKNOWN, "the card certificate cannot be encoded");
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
