package no.kjernebro.core.internal.lookup;

import java.time.Instant;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.core.internal.tenant.Tenant;

/** Builds the audit record of a lookup or a rejected request, with what the caller claimed. */
final class AuditRecords {

    /** Reason code of an allowed emergency access; auditors filter on it. */
    static final String HPAKUTT_REVIEW = "HPAKUTT_REVIEW";
    static final String ACTOR_HPR = "HPR";
    static final String ACTOR_HELSEID = "HELSEID";

    private AuditRecords() {
    }

    static AuditEntry lookup(LookupRequest r, Tenant tenant, Verdict v, Instant time, String correlationId) {
        Actor actor = r.actor();
        String actorType;
        String professionOrRole;
        if (actor instanceof Actor.HealthPersonnel hp) {
            actorType = ACTOR_HPR;
            professionOrRole = hp.profession() == null ? null : hp.profession().code();
        } else {
            actorType = ACTOR_HELSEID;
            professionOrRole = ((Actor.CaseWorker) actor).role();
        }
        return new AuditEntry(AuditEntry.EventType.PATIENT_LOOKUP, time, correlationId,
                r.requester().kommunenummer(),
                tenant != null ? tenant.orgnr() : r.requester().orgnr(),
                r.adapterId(),
                r.sourceSystem() == null ? null : r.sourceSystem().headerValue(),
                actorType, actor.id(), actor.name(), professionOrRole,
                r.serviceContext().name(), r.accessBasis().name(), r.patientId(),
                v.sections(), v.outcome(), reasonCode(v), v.message(), v.markedForReview())
                .with(r.requester().unit(), patientName(v), r.purpose());
    }

    // Review rules compare the patient's surname with the health worker's; only known when fetched.
    private static String patientName(Verdict v) {
        if (v.summary() == null || v.summary().personalia() == null) {
            return null;
        }
        var p = v.summary().personalia();
        String name = ((p.givenName() == null ? "" : p.givenName()) + " "
                + (p.familyName() == null ? "" : p.familyName())).trim();
        return name.isEmpty() ? null : name;
    }

    static AuditEntry rejected(RejectedRequest r, Tenant tenant, Verdict v, Instant time, String correlationId) {
        return new AuditEntry(AuditEntry.EventType.PATIENT_LOOKUP, time, correlationId,
                r.kommunenummer(), tenant != null ? tenant.orgnr() : null, r.adapterId(), r.sourceSystem(),
                actorType(r.actorId()), r.actorId(), null, r.professionOrRole(), r.serviceContext(),
                r.accessBasis(), r.patientId(), v.sections(), v.outcome(), reasonCode(v), v.message(), false);
    }

    private static String reasonCode(Verdict v) {
        if (v.error() != null) {
            return v.error().name();
        }
        return v.outcome() == Outcome.ALLOWED && v.markedForReview() ? HPAKUTT_REVIEW : null;
    }

    // A rejected request has no parsed actor: HPR numbers are digits, HelseID subjects are not.
    private static String actorType(String actorId) {
        if (actorId == null || actorId.isBlank()) {
            return null;
        }
        return actorId.matches("\\d{1,9}") ? ACTOR_HPR : ACTOR_HELSEID;
    }
}
