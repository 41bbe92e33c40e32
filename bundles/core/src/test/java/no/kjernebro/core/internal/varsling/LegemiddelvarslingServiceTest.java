package no.kjernebro.core.internal.varsling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingException;
import no.kjernebro.api.varsling.VarslingForesporsel;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.kj.LegemiddelvarslingClient;
import no.kjernebro.core.internal.policy.AccessPolicy;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;

class LegemiddelvarslingServiceTest {

    private static final String ADAPTER = "hjemmetjeneste-json";
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final OffsetDateTime NESTE = OffsetDateTime.parse("2026-11-25T10:00:00+01:00");
    private static final OffsetDateTime SIST = OffsetDateTime.parse("2026-11-24T10:00:00+01:00");
    private static final String WITH_NEWS = "05902823095";
    private static final String NO_NEWS = "21874614847";
    private static final String INVALID = "05902823096";

    private final FakeKjernejournal nhn = new FakeKjernejournal();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final TenantDirectory tenants = kommunenummer -> switch (kommunenummer) {
        case "5601" -> new TenantDirectory.Known(tenant("5601", true, Set.of(ADAPTER)));
        case "5503" -> new TenantDirectory.Known(tenant("5503", true, Set.of("sykehjem-xml")));
        case "5536" -> new TenantDirectory.Known(tenant("5536", false, Set.of(ADAPTER)));
        case "5605" -> new TenantDirectory.Unavailable("two configurations claim it");
        default -> new TenantDirectory.Unknown();
    };
    private LegemiddelvarslingService service =
            new LegemiddelvarslingService(tenants, nhn, audit, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void answersInOrderAndRecordsEveryPatientInOneCommitBeforeReturning() throws Exception {
        List<VarslingSvar> svar = service.sjekk(batch("5601",
                new PasientSjekk(WITH_NEWS, SIST), new PasientSjekk(INVALID, SIST), new PasientSjekk(NO_NEWS, null)));

        assertThat(svar).containsExactly(
                new VarslingSvar(WITH_NEWS, true, true, NESTE),
                new VarslingSvar(INVALID, false, false, SIST),
                new VarslingSvar(NO_NEWS, true, false, NESTE));
        assertThat(nhn.asked).hasSize(1);
        assertThat(nhn.asked.get(0)).extracting(PasientSjekk::fnr).containsExactly(WITH_NEWS, NO_NEWS);
        assertThat(nhn.tenants).containsExactly("5601");
        assertThat(audit.calls).hasSize(1);
        List<AuditEntry> records = audit.calls.get(0);
        assertThat(records).extracting(AuditEntry::patientId).containsExactly(WITH_NEWS, INVALID, NO_NEWS);
        assertThat(records).extracting(AuditEntry::outcome).containsExactly(Outcome.ALLOWED, Outcome.REFUSED, Outcome.ALLOWED);
        assertThat(records).extracting(AuditEntry::reasonCode)
                .containsExactly("LEGEMIDDELVARSLING", "INVALID_PATIENT_ID", "LEGEMIDDELVARSLING");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo(AuditEntry.EventType.SYSTEM_QUERY);
            assertThat(r.actorType()).isEqualTo("SYSTEM");
            assertThat(r.actorId()).isEqualTo("sweep-scheduler");
            assertThat(r.adapterId()).isEqualTo(ADAPTER);
            assertThat(r.correlationId()).isEqualTo("sweep-1/1");
            assertThat(r.kommunenummer()).isEqualTo("5601");
            assertThat(r.orgnr()).isEqualTo("990560102");
            assertThat(r.sections()).isEmpty();
            assertThat(r.time()).isEqualTo(NOW);
        });
        assertThat(records.get(0).reason()).contains("nyLegemiddelinformasjon=true");
    }

    @Test
    void onlyInvalidNumbersAreAnsweredWithoutAskingKjernejournal() throws Exception {
        List<VarslingSvar> svar = service.sjekk(batch("5601", new PasientSjekk(INVALID, null),
                new PasientSjekk("abc", SIST)));

        assertThat(svar).extracting(VarslingSvar::harKjernejournal).containsExactly(false, false);
        assertThat(nhn.asked).isEmpty();
        assertThat(audit.calls.get(0)).extracting(AuditEntry::outcome).containsOnly(Outcome.REFUSED);
    }

    @Test
    void refusesUnknownDisabledAndUnservableTenantsAndAdaptersNotEnabledWithRecords() {
        assertRefused("4242", ErrorCode.UNKNOWN_TENANT);
        assertRefused("5536", ErrorCode.TENANT_DISABLED);
        assertRefused("5605", ErrorCode.TENANT_DISABLED);
        assertRefused("5503", ErrorCode.ADAPTER_NOT_ENABLED);
        assertThat(nhn.asked).isEmpty();
    }

    @Test
    void refusesEmptyAndOversizedBatchesAndMissingFieldsWithoutRecords() {
        List<PasientSjekk> tooMany = new ArrayList<>();
        for (int i = 0; i <= nhn.maxBatchSize(); i++) {
            tooMany.add(new PasientSjekk(WITH_NEWS, null));
        }

        assertCode(() -> service.sjekk(batch("5601")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> service.sjekk(new VarslingForesporsel("5601", "sweep-scheduler", ADAPTER, tooMany, "c")),
                ErrorCode.INVALID_REQUEST);
        assertCode(() -> service.sjekk(new VarslingForesporsel("5601", " ", ADAPTER,
                List.of(new PasientSjekk(WITH_NEWS, null)), "c")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> service.sjekk(null), ErrorCode.INVALID_REQUEST);
        assertThat(service.maxBatchSize()).isEqualTo(3);
        assertThat(nhn.asked).isEmpty();
        assertThat(audit.calls).isEmpty();
    }

    @Test
    void kjernejournalUnavailableIsRecordedAsFailedAndReported() {
        nhn.failWith = ErrorCode.KJERNEJOURNAL_UNAVAILABLE;

        assertCode(() -> service.sjekk(batch("5601", new PasientSjekk(WITH_NEWS, SIST), new PasientSjekk(INVALID, null))),
                ErrorCode.KJERNEJOURNAL_UNAVAILABLE);

        List<AuditEntry> records = audit.calls.get(0);
        assertThat(records).extracting(AuditEntry::outcome).containsExactly(Outcome.FAILED, Outcome.REFUSED);
        assertThat(records).extracting(AuditEntry::reasonCode).containsExactly("KJERNEJOURNAL_UNAVAILABLE", "INVALID_PATIENT_ID");
    }

    @Test
    void kjernejournalRejectingIsReported() {
        nhn.failWith = ErrorCode.KJERNEJOURNAL_REJECTED;

        assertCode(() -> service.sjekk(batch("5601", new PasientSjekk(WITH_NEWS, SIST))), ErrorCode.KJERNEJOURNAL_REJECTED);
        assertThat(audit.calls.get(0)).extracting(AuditEntry::outcome).containsExactly(Outcome.FAILED);
    }

    @Test
    void noAnswerWithoutCommittedRecords() {
        audit.down = true;

        assertCode(() -> service.sjekk(batch("5601", new PasientSjekk(WITH_NEWS, SIST))), ErrorCode.AUDIT_UNAVAILABLE);
    }

    @Test
    void withoutAnAuditLogKjernejournalIsNotAsked() {
        service = new LegemiddelvarslingService(tenants, nhn, null, Clock.fixed(NOW, ZoneOffset.UTC));

        assertCode(() -> service.sjekk(batch("5601", new PasientSjekk(WITH_NEWS, SIST))), ErrorCode.AUDIT_UNAVAILABLE);
        assertThat(nhn.asked).isEmpty();
    }

    @Test
    void aMissingCorrelationIdIsGenerated() throws Exception {
        service.sjekk(new VarslingForesporsel("5601", "sweep-scheduler", ADAPTER, List.of(new PasientSjekk(NO_NEWS, null)), null));

        assertThat(audit.calls.get(0).get(0).correlationId()).isNotBlank();
    }

    private void assertRefused(String kommunenummer, ErrorCode code) {
        audit.calls.clear();
        assertCode(() -> service.sjekk(batch(kommunenummer, new PasientSjekk(WITH_NEWS, SIST), new PasientSjekk(INVALID, SIST))), code);
        assertThat(audit.calls).hasSize(1);
        assertThat(audit.calls.get(0)).extracting(AuditEntry::patientId).containsExactly(WITH_NEWS, INVALID);
        assertThat(audit.calls.get(0)).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(r.reasonCode()).isEqualTo(code.name());
        });
    }

    private static void assertCode(ThrowingCall call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(VarslingException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static VarslingForesporsel batch(String kommunenummer, PasientSjekk... pasienter) {
        return new VarslingForesporsel(kommunenummer, "sweep-scheduler", ADAPTER, List.of(pasienter), "sweep-1/1");
    }

    private static Tenant tenant(String kommunenummer, boolean enabled, Set<String> adapters) {
        Tenant alta = TestTenants.alta();
        return new Tenant(kommunenummer, alta.orgnr(), "Testkommune " + kommunenummer, enabled, adapters,
                alta.helseIdClientId(), alta.helseIdKey(), alta.credentialHashes(), AccessPolicy.defaults());
    }

    /** Kjernejournal as the client sees it: the first demo patient has news, the others not. */
    private static final class FakeKjernejournal implements LegemiddelvarslingClient {
        final List<List<PasientSjekk>> asked = new ArrayList<>();
        final List<String> tenants = new ArrayList<>();
        ErrorCode failWith;

        @Override
        public int maxBatchSize() {
            return 3;
        }

        @Override
        public List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem,
                                        String correlationId) throws KjernejournalException {
            asked.add(pasienter);
            tenants.add(tenant.kommunenummer());
            if (failWith != null) {
                throw new KjernejournalException(failWith, "injected");
            }
            return pasienter.stream().map(p -> new VarslingSvar(p.fnr(), true, WITH_NEWS.equals(p.fnr()), NESTE)).toList();
        }
    }

    /** Records each appendAll call; single appends are not expected. */
    private static final class RecordingAuditLog implements AuditLog {
        final List<List<AuditEntry>> calls = new ArrayList<>();
        boolean down;

        @Override
        public AuditReceipt append(AuditEntry entry) {
            throw new AssertionError("records of a batch are committed with appendAll");
        }

        @Override
        public List<AuditReceipt> appendAll(List<AuditEntry> entries) throws AuditUnavailableException {
            if (down) {
                throw new AuditUnavailableException("database down (injected)", null);
            }
            calls.add(List.copyOf(entries));
            List<AuditReceipt> receipts = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                receipts.add(new AuditReceipt("KJB-" + i, i + 1, "h"));
            }
            return receipts;
        }
    }
}
