package no.kjernebro.audit.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditEntry.EventType;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;

/** Stored records of every kind, with synthetic identities only (docs/contracts.md demo data). */
public final class BalpTestRecords {

    public static final String PATIENT = "05902823095";
    public static final String D_NUMBER_PATIENT = "55838510069";
    public static final Instant TIME = Instant.parse("2025-03-02T10:15:30.123456Z");
    public static final String HASH = "ab".repeat(32);

    private BalpTestRecords() {
    }

    public static StoredAuditRecord stored(AuditEntry entry, long seq) {
        return new StoredAuditRecord(seq, entry.chain(), seq, String.format("KJB-%012d", seq), entry,
                "00".repeat(32), HASH.substring(0, 60) + String.format("%04x", seq));
    }

    public static AuditEntry lookup(String patient, Outcome outcome, String accessBasis, String reasonCode,
                                    String reason) {
        Set<Section> sections = outcome == Outcome.ALLOWED
                ? EnumSet.of(Section.PERSONALIA, Section.LEGEMIDLER, Section.KRITISK_INFORMASJON)
                : Set.of();
        return new AuditEntry(EventType.PATIENT_LOOKUP, TIME, "corr-1", "5601", "990560102", "sykehjem-xml",
                "TestEPJ 4.2", "HPR", "9100002", "Siv Testsykepleier", "SP", "SYKEHJEM_LANGTID", accessBasis,
                patient, sections, outcome, reasonCode, reason, "HPAKUTT".equals(accessBasis))
                .with("Avdeling 2, Alta sykehjem", "Kari Testpasient", null);
    }

    public static AuditEntry allowed() {
        return lookup(PATIENT, Outcome.ALLOWED, "HPMOTTATTSAMTYKKE", null, null);
    }

    public static AuditEntry refused() {
        return lookup(PATIENT, Outcome.REFUSED, "HPMOTTATTSAMTYKKE", "PROFESSION_NOT_ALLOWED",
                "the access policy does not let SP look up kjernejournal in TILDELINGSKONTOR");
    }

    public static AuditEntry failed(String reasonCode) {
        return lookup(PATIENT, Outcome.FAILED, "HPUNNTAK", reasonCode, "kjernejournal did not answer in time");
    }

    public static AuditEntry emergency() {
        return lookup(PATIENT, Outcome.ALLOWED, "HPAKUTT", "HPAKUTT_REVIEW", "emergency access");
    }

    public static AuditEntry dNumber() {
        return lookup(D_NUMBER_PATIENT, Outcome.ALLOWED, "HPMOTTATTSAMTYKKE", null, null);
    }

    public static AuditEntry invalidPatient() {
        return lookup("1234567890", Outcome.REFUSED, "HPMOTTATTSAMTYKKE", "INVALID_PATIENT_ID",
                "the national identity number is not valid");
    }

    public static AuditEntry caseWorker() {
        return new AuditEntry(EventType.PATIENT_LOOKUP, TIME, "corr-2", "5601", "990560102", "sykehjem-xml",
                "TestEPJ 4.2", "HELSEID", "hid-sb-5601-0001", "Sara Testsaksbehandler", "SAKSBEHANDLER",
                "TILDELINGSKONTOR", "HPMOTTATTSAMTYKKE", PATIENT, EnumSet.of(Section.PERSONALIA), Outcome.ALLOWED,
                null, null, false).with("Tildelingskontoret", null, "søknad om sykehjemsplass, sak 2025/117");
    }

    public static AuditEntry systemQuery() {
        return new AuditEntry(EventType.SYSTEM_QUERY, TIME, "sweep-7/3", "5601", "990560102",
                "hjemmetjeneste-json", "Kjernebro/hjemmetjeneste-json", "SYSTEM", "sweep-scheduler:5601", null, null,
                null, null, PATIENT, Set.of(), Outcome.ALLOWED, "LEGEMIDDELVARSLING",
                "harKjernejournal=true, nyLegemiddelinformasjon=false", false);
    }

    public static AuditEntry administration() {
        return new AuditEntry(EventType.ADMINISTRATION, TIME, null, "5601", "990560102", null, "karaf-shell",
                "OPERATOR", "karaf", "karaf", null, null, null, null, Set.of(), Outcome.ALLOWED, "ADAPTER_ENABLED",
                "enabled adapter sykehjem-xml", false);
    }

    public static AuditEntry auditorSearch() {
        return auditor(EventType.AUDIT_ACCESS, PATIENT, "search", "patient, 2025-01-01 to 2025-04-01");
    }

    public static AuditEntry auditorReport() {
        return auditor(EventType.AUDIT_ACCESS, PATIENT, "report-pdf", "innsyn i logg, 2024");
    }

    public static AuditEntry auditorReview() {
        return auditor(EventType.AUDIT_REVIEW, null, "review", "finding 17 reviewed: planned emergency drill");
    }

    public static AuditEntry purge() {
        return new AuditEntry(EventType.AUDIT_PURGE, TIME, null, "5601", null, null, "Kjernebro/retention",
                "SYSTEM", "retention", null, null, null, null, null, Set.of(), Outcome.ALLOWED, "purge",
                "purged 1200 records recorded before 2015-03-02", false);
    }

    private static AuditEntry auditor(EventType type, String patient, String action, String detail) {
        return new AuditEntry(type, TIME, "audit-corr", "5601", null, null, "Kjernebro/rest", "AUDITOR",
                "auditor", null, "auditor", null, null, patient, Set.of(), Outcome.ALLOWED, action, detail, false);
    }
}
