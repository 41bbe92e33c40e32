package no.kjernebro.core.internal.lookup;

import java.util.Set;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.PatientSummary;

/**
 * How a request ended, before it is audited and returned.
 *
 * @param auditPossible false when no audit log is bound: nothing can be recorded, so nothing was fetched
 */
record Verdict(Outcome outcome, ErrorCode error, String message, PatientSummary summary, Set<Section> sections,
               boolean markedForReview, boolean auditPossible) {

    static Verdict allowed(PatientSummary summary, boolean review) {
        return new Verdict(Outcome.ALLOWED, null, null, summary, summary.sections(), review, true);
    }

    static Verdict refused(ErrorCode error, String message) {
        return new Verdict(Outcome.REFUSED, error, message, null, Set.of(), false, true);
    }

    static Verdict failed(ErrorCode error, String message, boolean review) {
        return new Verdict(Outcome.FAILED, error, message, null, Set.of(), review, true);
    }

    static Verdict auditUnavailable() {
        return new Verdict(Outcome.FAILED, ErrorCode.AUDIT_UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE.description(),
                null, Set.of(), false, false);
    }
}
