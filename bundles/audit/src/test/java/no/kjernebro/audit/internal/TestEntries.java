package no.kjernebro.audit.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditEntry.EventType;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;

/** Audit entries with synthetic identities only (docs/contracts.md demo data). */
final class TestEntries {

    static final String PATIENT = "05902823095";
    static final String D_NUMBER_PATIENT = "55838510069";
    static final Instant TIME = Instant.parse("2025-03-02T10:15:30.123456789Z");

    private TestEntries() {
    }

    static AuditEntry lookup() {
        return lookup(PATIENT, Outcome.ALLOWED, "HPMOTTATTSAMTYKKE");
    }

    static AuditEntry lookup(String patient, Outcome outcome, String accessBasis) {
        Set<Section> sections = outcome == Outcome.ALLOWED
                ? EnumSet.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON, Section.PERSONALIA)
                : Set.of();
        return new AuditEntry(EventType.PATIENT_LOOKUP, TIME, "corr-1", "5601", "990560102", "sykehjem-xml",
                "TestEPJ 4.2", "HPR", "9100002", "Siv Testsykepleier", "SP", "SYKEHJEM_LANGTID", accessBasis,
                patient, sections, outcome, outcome == Outcome.ALLOWED ? null : "POLICY_DENIED",
                outcome == Outcome.ALLOWED ? null : "not allowed for this service context", false);
    }

    static AuditEntry caseWorkerRefused() {
        return new AuditEntry(EventType.PATIENT_LOOKUP, TIME, "corr-2", "5601", "990560102", "sykehjem-xml",
                "TestEPJ 4.2", "HELSEID", "hid-sb-5601-0001", "Sara Testsaksbehandler", "SAKSBEHANDLER",
                "TILDELINGSKONTOR", "HPMOTTATTSAMTYKKE", PATIENT, Set.of(), Outcome.REFUSED, "POLICY_DENIED",
                "case workers see no clinical sections", false);
    }

    static AuditEntry administration() {
        return new AuditEntry(EventType.ADMINISTRATION, TIME, null, "5601", "990560102", null, "karaf-shell",
                "OPERATOR", "karaf", "karaf", null, null, null, null, Set.of(), Outcome.ALLOWED, "ADAPTER_ENABLED",
                "enabled adapter sykehjem-xml", false);
    }

    /** A Legemiddelvarsling query for one patient of a sweep, as core records it. */
    static AuditEntry systemQuery(String patient, String correlationId) {
        return new AuditEntry(EventType.SYSTEM_QUERY, TIME, correlationId, "5601", "990560102",
                "hjemmetjeneste-json", "Kjernebro/hjemmetjeneste-json", "SYSTEM", "sweep-scheduler:5601", null, null,
                null, null, patient, Set.of(), Outcome.ALLOWED, "LEGEMIDDELVARSLING",
                "Legemiddelvarsling: harKjernejournal=true, nyLegemiddelinformasjon=false", false);
    }

    /** A lookup recorded for another tenant (null: none). */
    static AuditEntry inTenant(String kommunenummer) {
        AuditEntry e = lookup();
        return new AuditEntry(e.type(), e.time(), e.correlationId(), kommunenummer, e.orgnr(), e.adapterId(),
                e.sourceSystem(), e.actorType(), e.actorId(), e.actorName(), e.professionOrRole(),
                e.serviceContext(), e.accessBasis(), e.patientId(), e.sections(), e.outcome(), e.reasonCode(),
                e.reason(), e.markedForReview());
    }

    /** The same entry at another time. */
    static AuditEntry at(AuditEntry e, Instant time) {
        return new AuditEntry(e.type(), time, e.correlationId(), e.kommunenummer(), e.orgnr(), e.adapterId(),
                e.sourceSystem(), e.actorType(), e.actorId(), e.actorName(), e.professionOrRole(),
                e.serviceContext(), e.accessBasis(), e.patientId(), e.sections(), e.outcome(), e.reasonCode(),
                e.reason(), e.markedForReview(), e.unit(), e.patientName(), e.purpose());
    }

    static AuditEntry withReason(String reason) {
        AuditEntry e = lookup();
        return new AuditEntry(e.type(), e.time(), e.correlationId(), e.kommunenummer(), e.orgnr(), e.adapterId(),
                e.sourceSystem(), e.actorType(), e.actorId(), e.actorName(), e.professionOrRole(),
                e.serviceContext(), e.accessBasis(), e.patientId(), e.sections(), e.outcome(), e.reasonCode(),
                reason, e.markedForReview());
    }

    static AuditEntry withActorName(String name) {
        AuditEntry e = lookup();
        return new AuditEntry(e.type(), e.time(), e.correlationId(), e.kommunenummer(), e.orgnr(), e.adapterId(),
                e.sourceSystem(), e.actorType(), e.actorId(), name, e.professionOrRole(),
                e.serviceContext(), e.accessBasis(), e.patientId(), e.sections(), e.outcome(), e.reasonCode(),
                e.reason(), e.markedForReview());
    }
}
