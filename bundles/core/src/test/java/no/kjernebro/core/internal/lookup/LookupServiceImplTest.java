package no.kjernebro.core.internal.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Requester;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;
import no.kjernebro.api.lookup.SourceSystem;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.core.internal.helseid.TestIssuer;
import no.kjernebro.core.internal.helseid.UserTokenVerifier;
import no.kjernebro.core.internal.kj.KjernejournalClient;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.kj.KjernejournalRequest;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;

class LookupServiceImplTest {

    private static final String FNR = "05902823095";
    private static final CallerCredential ALTA = new CallerCredential(CallerCredential.Scheme.API_KEY, TestTenants.ALTA_KEY);
    private static final Actor NURSE = new Actor.HealthPersonnel("9100002", "Siv Testsykepleier", Profession.SP);
    private static final Actor CASE_WORKER = new Actor.CaseWorker("hid-sb-5601-0001", "Sara Testsaksbehandler", "SAKSBEHANDLER");

    /** Commits in memory, or fails like a database that is down. */
    static final class MemoryAuditLog implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();
        boolean down;

        @Override
        public AuditReceipt append(AuditEntry entry) throws AuditUnavailableException {
            if (down) {
                throw new AuditUnavailableException("database down", null);
            }
            entries.add(entry);
            return new AuditReceipt("audit-" + entries.size(), entries.size(), "hash");
        }
    }

    /** Answers with every requested section filled in, or throws what it was told to. */
    static final class FakeKjernejournal implements KjernejournalClient {
        final List<KjernejournalRequest> requests = new ArrayList<>();
        KjernejournalException failure;
        RuntimeException bug;

        @Override
        public PatientSummary fetch(KjernejournalRequest request) throws KjernejournalException {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            if (bug != null) {
                throw bug;
            }
            Helseindikator hi = new Helseindikator(4, "kritisk", false, false, true, List.of(), null);
            return new PatientSummary(request.patient().value(), hi, EnumSet.allOf(Section.class),
                    new Personalia("Ingrid", "Testesen", null, null, null, null, null, null),
                    null, null, null, null, null, null, null).restrictedTo(request.sections());
        }
    }

    private final MemoryAuditLog audit = new MemoryAuditLog();
    private final FakeKjernejournal kj = new FakeKjernejournal();
    private final Map<String, TenantDirectory.TenantLookup> tenants = new java.util.HashMap<>(Map.of(
            "5601", new TenantDirectory.Known(TestTenants.alta()),
            "5536", new TenantDirectory.Known(TestTenants.lyngenDisabled()),
            "5503", new TenantDirectory.Unavailable("configuration invalid: orgnr")));
    private static final Instant NOW = Instant.parse("2025-11-25T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final UserTokenVerifier verifier = TestIssuer.verifier(clock);
    private final LookupServiceImpl service = new LookupServiceImpl(
            k -> tenants.getOrDefault(k, new TenantDirectory.Unknown()), kj, audit, verifier, clock);

    /** A valid user token signed by the test issuer, with these claims on top. */
    static String userToken(String claimsJson) {
        return TestIssuer.userToken(claimsJson, NOW);
    }

    /** The same claims but not signed at all (alg none). */
    static String unsignedToken(String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = userToken(claimsJson);
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + signed.split("\\.")[1] + ".";
    }

    private static final String NURSE_TOKEN = userToken(
            "{\"sub\":\"abc\",\"helseid://claims/hpr/hpr_number\":\"9100002\",\"name\":\"Siv Testsykepleier\"}");
    private static final String CASE_WORKER_TOKEN = userToken("{\"sub\":\"hid-sb-5601-0001\"}");

    private static LookupRequest request(String kommunenummer, Actor actor, ServiceContext ctx, String patient,
                                         AccessBasis basis, Set<Section> wanted, String userToken, String adapter) {
        return new LookupRequest(new Requester(kommunenummer, null, "Alta sykehjem"), actor, ctx, patient, basis,
                wanted, new SourceSystem("Gerica", "2.3"), adapter, userToken, "corr-1");
    }

    private static LookupRequest nurseRequest() {
        return request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR, AccessBasis.HPMOTTATTSAMTYKKE,
                Set.of(), NURSE_TOKEN, "sykehjem-xml");
    }

    @Test
    void theStatedPurposeIsRecorded() {
        LookupRequest r = nurseRequest();
        LookupRequest withPurpose = new LookupRequest(r.requester(), r.actor(), r.serviceContext(), r.patientId(),
                r.accessBasis(), r.wantedSections(), r.sourceSystem(), r.adapterId(), r.userToken(), r.correlationId(),
                r.samtykker(), "TILDELING_AV_TJENESTE, sak 2026/77");

        service.lookup(ALTA, withPurpose);

        assertThat(audit.entries).singleElement().extracting(AuditEntry::purpose)
                .isEqualTo("TILDELING_AV_TJENESTE, sak 2026/77");
    }

    @Test
    void anAllowedLookupIsAuditedOnceWithItsSectionsBeforeDataIsReturned() {
        LookupOutcome outcome = service.lookup(ALTA, nurseRequest());

        assertThat(outcome.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(outcome.summary().personalia().familyName()).isEqualTo("Testesen");
        assertThat(outcome.sections()).isEqualTo(EnumSet.allOf(Section.class));
        assertThat(outcome.auditReference()).isEqualTo("audit-1");
        assertThat(outcome.correlationId()).isEqualTo("corr-1");
        assertThat(audit.entries).hasSize(1);
        AuditEntry e = audit.entries.get(0);
        assertThat(e.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(e.sections()).isEqualTo(EnumSet.allOf(Section.class));
        assertThat(e.kommunenummer()).isEqualTo("5601");
        assertThat(e.orgnr()).isEqualTo("990560102");
        assertThat(e.actorType()).isEqualTo("HPR");
        assertThat(e.actorId()).isEqualTo("9100002");
        assertThat(e.professionOrRole()).isEqualTo("SP");
        assertThat(e.patientId()).isEqualTo(FNR);
        assertThat(e.sourceSystem()).isEqualTo("Gerica 2.3");
        assertThat(e.time()).isEqualTo(clock.instant());
        assertThat(e.markedForReview()).isFalse();
        assertThat(e.reasonCode()).isNull();
        assertThat(e.unit()).as("the unit, for the patient's access report").isEqualTo("Alta sykehjem");
        assertThat(e.patientName()).as("the fetched name, for the same-surname review rule").endsWith("Testesen");
        assertThat(e.purpose()).as("a nursing-home lookup states no purpose").isNull();

        KjernejournalRequest sent = kj.requests.get(0);
        assertThat(sent.tenant().orgnr()).isEqualTo("990560102");
        assertThat(sent.userToken()).isEqualTo(NURSE_TOKEN);
        assertThat(sent.epjSystem()).isEqualTo("Gerica 2.3");
    }

    @Test
    void aCaseWorkerGetsTheAllocationSectionsOnly() {
        LookupOutcome outcome = service.lookup(ALTA, request("5601", CASE_WORKER, ServiceContext.TILDELINGSKONTOR,
                FNR, AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), CASE_WORKER_TOKEN, "sykehjem-xml"));
        assertThat(outcome.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(outcome.sections()).containsExactlyInAnyOrder(Section.PERSONALIA, Section.FASTLEGE, Section.PAARORENDE);
        assertThat(kj.requests.get(0).sections()).containsExactlyInAnyOrder(Section.PERSONALIA, Section.FASTLEGE, Section.PAARORENDE);
        assertThat(audit.entries.get(0).actorType()).isEqualTo("HELSEID");
        assertThat(audit.entries.get(0).professionOrRole()).isEqualTo("SAKSBEHANDLER");
    }

    @Test
    void emergencyAccessIsMarkedForReview() {
        LookupOutcome outcome = service.lookup(ALTA, request("5601", NURSE, ServiceContext.KAD_OHD, FNR,
                AccessBasis.HPAKUTT, Set.of(), NURSE_TOKEN, "sykehjem-xml"));
        assertThat(outcome.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(outcome.markedForReview()).isTrue();
        AuditEntry e = audit.entries.get(0);
        assertThat(e.markedForReview()).isTrue();
        assertThat(e.reasonCode()).isEqualTo("HPAKUTT_REVIEW");
        assertThat(e.accessBasis()).isEqualTo("HPAKUTT");
    }

    @Test
    void everyRefusalIsAuditedOnceAndNothingIsFetched() {
        record Case(ErrorCode expected, CallerCredential credential, LookupRequest request) {
        }
        String wrongPerson = userToken("{\"helseid://claims/hpr/hpr_number\":\"9100001\"}");
        List<Case> cases = List.of(
                new Case(ErrorCode.UNKNOWN_TENANT, ALTA, request("9999", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.TENANT_DISABLED, ALTA, request("5536", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.TENANT_DISABLED, ALTA, request("5503", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.MISSING_CREDENTIAL, null, nurseRequest()),
                new Case(ErrorCode.BAD_CREDENTIAL, new CallerCredential(CallerCredential.Scheme.BEARER, "demo-harstad-5503"), nurseRequest()),
                new Case(ErrorCode.ADAPTER_NOT_ENABLED, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "hjemmetjeneste-json")),
                new Case(ErrorCode.INVALID_PATIENT_ID, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, "05902823096",
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.INVALID_USER, ALTA, request("5601", new Actor.HealthPersonnel("91000021234", "X", Profession.SP),
                        ServiceContext.SYKEHJEM_LANGTID, FNR, AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.INVALID_USER, ALTA, request("5601", new Actor.HealthPersonnel("9100002", " ", Profession.SP),
                        ServiceContext.SYKEHJEM_LANGTID, FNR, AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.INVALID_USER, ALTA, request("5601", new Actor.CaseWorker("", "Sara", "SAKSBEHANDLER"),
                        ServiceContext.TILDELINGSKONTOR, FNR, AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), CASE_WORKER_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.MISSING_USER_TOKEN, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), null, "sykehjem-xml")),
                new Case(ErrorCode.USER_TOKEN_MISMATCH, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), wrongPerson, "sykehjem-xml")),
                new Case(ErrorCode.USER_TOKEN_MISMATCH, ALTA, request("5601", CASE_WORKER, ServiceContext.TILDELINGSKONTOR, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.USER_TOKEN_INVALID, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), "opaque-token", "sykehjem-xml")),
                new Case(ErrorCode.USER_TOKEN_INVALID, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(),
                        unsignedToken("{\"helseid://claims/hpr/hpr_number\":\"9100002\"}"), "sykehjem-xml")),
                new Case(ErrorCode.USER_TOKEN_INVALID, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), userToken("{\"helseid://claims/hpr/hpr_number\":\"9100002\","
                                + "\"helseid://claims/identity/security_level\":\"3\"}"), "sykehjem-xml")),
                new Case(ErrorCode.USER_TOKEN_MISMATCH, ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), CASE_WORKER_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.PROFESSION_NOT_ALLOWED, ALTA, request("5601",
                        new Actor.HealthPersonnel("9100005", "Hanne Testhelsefagarbeider", Profession.HF),
                        ServiceContext.SYKEHJEM_LANGTID, FNR, AccessBasis.HPMOTTATTSAMTYKKE, Set.of(),
                        userToken("{\"helseid://claims/hpr/hpr_number\":\"9100005\"}"), "sykehjem-xml")),
                new Case(ErrorCode.PROFESSION_NOT_ALLOWED, ALTA, request("5601", CASE_WORKER, ServiceContext.SYKEHJEM_LANGTID, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), CASE_WORKER_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.ACCESS_BASIS_NOT_ALLOWED, ALTA, request("5601", CASE_WORKER, ServiceContext.TILDELINGSKONTOR, FNR,
                        AccessBasis.HPAKUTT, Set.of(), CASE_WORKER_TOKEN, "sykehjem-xml")),
                new Case(ErrorCode.NO_SECTIONS_ALLOWED, ALTA, request("5601", CASE_WORKER, ServiceContext.TILDELINGSKONTOR, FNR,
                        AccessBasis.HPMOTTATTSAMTYKKE, Set.of(Section.LEGEMIDLER), CASE_WORKER_TOKEN, "sykehjem-xml")));
        for (Case c : cases) {
            audit.entries.clear();
            LookupOutcome outcome = service.lookup(c.credential(), c.request());
            assertThat(outcome.outcome()).as(c.expected().name()).isEqualTo(Outcome.REFUSED);
            assertThat(outcome.error()).as(outcome.message()).isEqualTo(c.expected());
            assertThat(outcome.summary()).isNull();
            assertThat(outcome.auditReference()).isNotNull();
            assertThat(audit.entries).as(c.expected().name()).hasSize(1);
            AuditEntry e = audit.entries.get(0);
            assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(e.reasonCode()).isEqualTo(c.expected().name());
            assertThat(e.sections()).isEmpty();
            assertThat(e.patientId()).isEqualTo(c.request().patientId());
            assertThat(e.kommunenummer()).isEqualTo(c.request().requester().kommunenummer());
        }
        assertThat(kj.requests).isEmpty();
    }

    @Test
    void anInvalidUserTokenIsRefusedAndAuditedWithTheFailedCheck() {
        String expired = userToken("{\"helseid://claims/hpr/hpr_number\":\"9100002\",\"exp\":"
                + (NOW.getEpochSecond() - 3600) + "}");
        LookupOutcome outcome = service.lookup(ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), expired, "sykehjem-xml"));

        assertThat(outcome.error()).isEqualTo(ErrorCode.USER_TOKEN_INVALID);
        assertThat(outcome.message()).contains("expired");
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(e.reasonCode()).isEqualTo("USER_TOKEN_INVALID");
            assertThat(e.reason()).contains("expired");
            assertThat(e.actorId()).isEqualTo("9100002");
        });
        assertThat(kj.requests).isEmpty();
    }

    @Test
    void aTokenOfAnotherHealthWorkerIsRefusedAndAuditedAsMismatch() {
        LookupOutcome outcome = service.lookup(ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), userToken("{\"helseid://claims/hpr/hpr_number\":\"9100006\"}"),
                "sykehjem-xml"));
        assertThat(outcome.error()).isEqualTo(ErrorCode.USER_TOKEN_MISMATCH);
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.reasonCode()).isEqualTo("USER_TOKEN_MISMATCH");
            assertThat(e.reason()).contains("9100006").contains("9100002");
        });
    }

    @Test
    void whenHelseIdsKeysCannotBeFetchedTheLookupFailsAuditedAndNothingIsFetched() {
        UserTokenVerifier unreachable = token -> {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, "JWKS at http://x unreachable");
        };
        LookupServiceImpl s = new LookupServiceImpl(k -> tenants.get("5601"), kj, audit, unreachable, clock);
        LookupOutcome outcome = s.lookup(ALTA, nurseRequest());
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        assertThat(outcome.message()).doesNotContain("http://x");
        assertThat(audit.entries).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
        assertThat(kj.requests).isEmpty();
    }

    @Test
    void anUnknownTenantIsAuditedWithTheClaimedKommunenummer() {
        service.lookup(ALTA, request("1234", NURSE, ServiceContext.SYKEHJEM_LANGTID, FNR,
                AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml"));
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.kommunenummer()).isEqualTo("1234");
            assertThat(e.orgnr()).isNull();
            assertThat(e.reasonCode()).isEqualTo("UNKNOWN_TENANT");
        });
    }

    @Test
    void whenTheAuditLogFailsNoDataIsReturned() {
        audit.down = true;
        LookupOutcome outcome = service.lookup(ALTA, nurseRequest());
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.error()).isEqualTo(ErrorCode.AUDIT_UNAVAILABLE);
        assertThat(outcome.summary()).isNull();
        assertThat(outcome.sections()).isEmpty();
    }

    @Test
    void withoutAnAuditLogNothingIsFetched() {
        LookupServiceImpl unaudited = new LookupServiceImpl(k -> tenants.get("5601"), kj, null, verifier, clock);
        LookupOutcome outcome = unaudited.lookup(ALTA, nurseRequest());
        assertThat(outcome.error()).isEqualTo(ErrorCode.AUDIT_UNAVAILABLE);
        assertThat(outcome.summary()).isNull();
        assertThat(kj.requests).isEmpty();
    }

    @Test
    void kjernejournalFailuresAreAuditedAsFailed() {
        kj.failure = new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, "Helseindikator: SocketTimeoutException");
        LookupOutcome outcome = service.lookup(ALTA, nurseRequest());
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(e.reasonCode()).isEqualTo("KJERNEJOURNAL_UNAVAILABLE");
            assertThat(e.sections()).isEmpty();
        });
    }

    @Test
    void anUnexpectedErrorIsAnInternalErrorAuditedAsFailed() {
        kj.bug = new IllegalStateException("bug");
        LookupOutcome outcome = service.lookup(ALTA, nurseRequest());
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.error()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(audit.entries).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
    }

    @Test
    void aFailingTenantDirectoryNeverThrowsToTheAdapter() {
        LookupServiceImpl broken = new LookupServiceImpl(k -> {
            throw new IllegalStateException("boom");
        }, kj, audit, verifier, clock);
        LookupOutcome outcome = broken.lookup(ALTA, nurseRequest());
        assertThat(outcome.error()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(audit.entries).hasSize(1);
    }

    @Test
    void rejectReturnsTheAdaptersCodeForAnAuthenticatedCallerAndAuditsIt() {
        RejectedRequest rejected = new RejectedRequest("5601", "sykehjem-xml", FNR, "9100002", "XX",
                "SYKEHJEM_LANGTID", "HPMOTTATTSAMTYKKE", "Gerica 2.3", "corr-9", ErrorCode.UNKNOWN_PROFESSION, "XX is not an HPR code");
        LookupOutcome outcome = service.reject(ALTA, rejected);
        assertThat(outcome.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(outcome.error()).isEqualTo(ErrorCode.UNKNOWN_PROFESSION);
        assertThat(outcome.correlationId()).isEqualTo("corr-9");
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(e.reasonCode()).isEqualTo("UNKNOWN_PROFESSION");
            assertThat(e.professionOrRole()).isEqualTo("XX");
            assertThat(e.actorType()).isEqualTo("HPR");
            assertThat(e.orgnr()).isEqualTo("990560102");
        });
    }

    @Test
    void rejectLetsAWrongCredentialTakePrecedence() {
        RejectedRequest rejected = new RejectedRequest("5601", "sykehjem-xml", FNR, null, null, null, null, null, null,
                ErrorCode.MALFORMED_MESSAGE, "not XML");
        assertThat(service.reject(new CallerCredential(CallerCredential.Scheme.API_KEY, "wrong"), rejected).error())
                .isEqualTo(ErrorCode.BAD_CREDENTIAL);
        assertThat(service.reject(null, rejected).error()).isEqualTo(ErrorCode.MISSING_CREDENTIAL);
        RejectedRequest unknown = new RejectedRequest("0000", "sykehjem-xml", null, null, null, null, null, null, null,
                ErrorCode.MALFORMED_MESSAGE, "not XML");
        assertThat(service.reject(ALTA, unknown).error()).isEqualTo(ErrorCode.UNKNOWN_TENANT);
        // two named a patient, the third did not
        assertThat(audit.entries).hasSize(2);
        assertThat(audit.entries).extracting(AuditEntry::reasonCode).containsExactly("BAD_CREDENTIAL", "MISSING_CREDENTIAL");
    }

    @Test
    void aMessageWhoseMunicipalityCouldNotBeReadGetsItsOwnDefectAsTheAnswer() {
        RejectedRequest unreadable = new RejectedRequest(null, "sykehjem-xml", null, null, null, null, null, null, null,
                ErrorCode.PAYLOAD_TOO_LARGE, "larger than 65536 bytes");
        assertThat(service.reject(ALTA, unreadable).error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(service.reject(null, unreadable).error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        RejectedRequest namesAPatient = new RejectedRequest(" ", "sykehjem-xml", FNR, null, null, null, null, null, null,
                ErrorCode.INVALID_REQUEST, "missing element Avsender/Kommunenummer");
        assertThat(service.reject(ALTA, namesAPatient).error()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(e.reasonCode()).isEqualTo("INVALID_REQUEST");
            assertThat(e.patientId()).isEqualTo(FNR);
        });
    }

    @Test
    void aRefusalWithoutAPatientIsNotAudited() {
        LookupOutcome outcome = service.lookup(ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, null,
                AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml"));
        assertThat(outcome.error()).isEqualTo(ErrorCode.INVALID_PATIENT_ID);
        assertThat(audit.entries).isEmpty();
    }

    @Test
    void aMissingCorrelationIdIsAssigned() {
        LookupRequest r = new LookupRequest(new Requester("5601", null, null), NURSE, ServiceContext.SYKEHJEM_LANGTID,
                FNR, AccessBasis.HPUNNTAK, Set.of(), null, "sykehjem-xml", NURSE_TOKEN, null);
        LookupOutcome outcome = service.lookup(ALTA, r);
        assertThat(outcome.correlationId()).isNotBlank();
        assertThat(audit.entries.get(0).correlationId()).isEqualTo(outcome.correlationId());
        assertThat(kj.requests.get(0).epjSystem()).isEqualTo("Kjernebro/sykehjem-xml");
    }

    @Test
    void identityNumbersAreValidatedInTheLookupPath() {
        for (String valid : new String[] {"55838510069", "12861550182", "21874614847"}) {
            assertThat(service.lookup(ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, valid,
                    AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml")).outcome()).as(valid).isEqualTo(Outcome.ALLOWED);
        }
        for (String invalid : new String[] {"0590282309", "059028230950", "0590282309x", "05902823094", "32902823095", ""}) {
            LookupOutcome outcome = service.lookup(ALTA, request("5601", NURSE, ServiceContext.SYKEHJEM_LANGTID, invalid,
                    AccessBasis.HPMOTTATTSAMTYKKE, Set.of(), NURSE_TOKEN, "sykehjem-xml"));
            assertThat(outcome.error()).as(invalid).isEqualTo(ErrorCode.INVALID_PATIENT_ID);
        }
        assertThat(kj.requests).extracting(r -> r.patient().value()).containsExactly("55838510069", "12861550182", "21874614847");
    }
}
