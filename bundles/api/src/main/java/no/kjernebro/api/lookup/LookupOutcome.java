package no.kjernebro.api.lookup;

import java.util.Set;
import no.kjernebro.api.summary.PatientSummary;

/**
 * What a lookup produced. An allowed outcome carries the summary with exactly the granted sections;
 * any other carries an error code and message. {@code auditReference} is set whenever a record was
 * committed.
 */
public record LookupOutcome(
        Outcome outcome,
        ErrorCode error,
        String message,
        String auditReference,
        PatientSummary summary,
        Set<Section> sections,
        boolean markedForReview,
        String correlationId) {

    public LookupOutcome {
        sections = sections == null ? Set.of() : Set.copyOf(sections);
    }

    public static LookupOutcome allowed(PatientSummary summary, Set<Section> sections, String auditReference,
                                        boolean markedForReview, String correlationId) {
        return new LookupOutcome(Outcome.ALLOWED, null, null, auditReference, summary, sections,
                markedForReview, correlationId);
    }

    public static LookupOutcome refused(ErrorCode error, String message, String auditReference, String correlationId) {
        return new LookupOutcome(Outcome.REFUSED, error, message, auditReference, null, Set.of(), false, correlationId);
    }

    public static LookupOutcome failed(ErrorCode error, String message, String auditReference, String correlationId) {
        return new LookupOutcome(Outcome.FAILED, error, message, auditReference, null, Set.of(), false, correlationId);
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }
}
