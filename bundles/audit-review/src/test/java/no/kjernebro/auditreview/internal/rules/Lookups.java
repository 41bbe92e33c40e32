package no.kjernebro.auditreview.internal.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;

/** Builds PATIENT_LOOKUP entries for tests; synthetic identity numbers only (docs/contracts.md). */
public final class Lookups {

    public static final String PATIENT = "05902823095";
    public static final String OTHER_PATIENT = "21874614847";
    public static final String LISE = "9100001";
    public static final String SIV = "9100002";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private String kommune = "5601";
    private String actorId = LISE;
    private String actorName = "Lise Testlege";
    private String patientId = PATIENT;
    private String patientName = "Olga Nordmann";
    private String accessBasis = "HPMOTTATTSAMTYKKE";
    private Outcome outcome = Outcome.ALLOWED;
    private String reasonCode;
    private Instant time = at("2025-03-03T10:00");
    private AuditEntry.EventType type = AuditEntry.EventType.PATIENT_LOOKUP;

    public static Lookups lookup() {
        return new Lookups();
    }

    /** A local Norwegian time. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
    }

    public Lookups kommune(String v) { kommune = v; return this; }
    public Lookups actor(String id, String name) { actorId = id; actorName = name; return this; }
    public Lookups patient(String id, String name) { patientId = id; patientName = name; return this; }
    public Lookups basis(String v) { accessBasis = v; return this; }
    public Lookups refused(String code) { outcome = Outcome.REFUSED; reasonCode = code; return this; }
    public Lookups reason(String code) { reasonCode = code; return this; }
    public Lookups at(Instant v) { time = v; return this; }
    public Lookups time(String local) { time = at(local); return this; }
    public Lookups type(AuditEntry.EventType v) { type = v; return this; }

    public AuditEntry entry() {
        return new AuditEntry(type, time, "corr-" + time.toEpochMilli(), kommune, "990560102", "sykehjem-xml",
                "TestEPJ 1.0", "HPR", actorId, actorName, "LE", "SYKEHJEM_LANGTID", accessBasis, patientId,
                outcome == Outcome.ALLOWED ? Set.of(Section.values()[0]) : Set.of(), outcome, reasonCode, null,
                "HPAKUTT".equals(accessBasis), "Avdeling 2", patientName, null);
    }
}
