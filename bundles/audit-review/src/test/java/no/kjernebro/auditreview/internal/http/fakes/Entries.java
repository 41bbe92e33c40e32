package no.kjernebro.auditreview.internal.http.fakes;

import java.time.Instant;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;

/** Synthetic audit entries (demo identity numbers and HPR numbers only). */
public final class Entries {

    public static final String PATIENT = "05902823095";
    public static final String OTHER_PATIENT = "21874614847";

    private Entries() {
    }

    public static AuditEntry lookup(String time, String kommune, String patient, String actorId, String actorName,
                                    String accessBasis, Outcome outcome) {
        return new AuditEntry(AuditEntry.EventType.PATIENT_LOOKUP, Instant.parse(time), "corr-" + time, kommune,
                "990560102", "sykehjem-xml", "Gerica/1.0", "HPR", actorId, actorName, "SP", "SYKEHJEM_LANGTID",
                accessBasis, patient,
                outcome == Outcome.ALLOWED ? Set.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON) : Set.of(),
                outcome, outcome == Outcome.ALLOWED ? null : "POLICY", null, "HPAKUTT".equals(accessBasis),
                "Avdeling 2", "Kari Testpasient", null);
    }

    public static AuditEntry lookup(String time, String patient) {
        return lookup(time, "5601", patient, "9100002", "Siv Testsykepleier", "HPMOTTATTSAMTYKKE", Outcome.ALLOWED);
    }
}
