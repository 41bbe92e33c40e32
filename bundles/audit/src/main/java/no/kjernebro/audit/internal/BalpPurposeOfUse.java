package no.kjernebro.audit.internal;

import java.util.Locale;
import java.util.Optional;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.AccessBasis;

/**
 * The v3 ActReason purpose of use an event is rendered with (docs/audit-events.md has the table).
 * Health personnel: from the kjernejournal access basis, emergency access ({@code HPAKUTT}) being
 * emergency treatment. Case workers allocate municipal services: patient administration, not treatment,
 * whatever access basis the EPJ sent. Auditors meet a legal mandate (log follow-up), or answer a
 * patient's request when they produce the access report; operators administer the system.
 */
final class BalpPurposeOfUse {

    static final String TREAT = "TREAT";
    static final String ETREAT = "ETREAT";
    static final String PATADMIN = "PATADMIN";
    static final String HCOMPL = "HCOMPL";
    static final String PATRQT = "PATRQT";
    static final String RECORDMGT = "RECORDMGT";
    static final String HSYSADMIN = "HSYSADMIN";

    private BalpPurposeOfUse() {
    }

    /** The ActReason code, or empty when the record gives nothing to derive one from. */
    static Optional<String> of(AuditEntry e) {
        return switch (e.type()) {
            case PATIENT_LOOKUP -> lookup(e);
            // a sweep watches medication changes of patients in care: treatment
            case SYSTEM_QUERY -> Optional.of(TREAT);
            case ADMINISTRATION -> Optional.of(HSYSADMIN);
            case AUDIT_ACCESS -> Optional.of(isPatientReport(e) ? PATRQT : HCOMPL);
            case AUDIT_REVIEW -> Optional.of(HCOMPL);
            case AUDIT_PURGE -> Optional.of(RECORDMGT);
        };
    }

    private static Optional<String> lookup(AuditEntry e) {
        if (BalpActor.isCaseWorker(e)) {
            return Optional.of(PATADMIN);
        }
        if (e.accessBasis() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (AccessBasis.valueOf(e.accessBasis())) {
                case HPAKUTT -> ETREAT;
                case HPMOTTATTSAMTYKKE, HPUNNTAK -> TREAT;
            });
        } catch (IllegalArgumentException unknownCode) {
            // a refused request with an unknown code: recorded as sent, no purpose claimed
            return Optional.empty();
        }
    }

    private static boolean isPatientReport(AuditEntry e) {
        return e.patientId() != null && e.reasonCode() != null
                && e.reasonCode().toLowerCase(Locale.ROOT).startsWith("report");
    }
}
