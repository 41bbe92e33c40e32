package no.kjernebro.core.internal.lookup;

import java.util.Optional;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupRequest;

/**
 * Step (e): the patient's identity number, the actor, and the user token that must be genuine and
 * name the actor (checked last: it is the only step that may need HelseID's keys).
 */
final class RequestValidator {

    private RequestValidator() {
    }

    /** The validated patient, or the refusal. */
    record Result(NationalIdentityNumber patient, Verdict refusal) {
        boolean passed() {
            return patient != null;
        }
    }

    static Result validate(LookupRequest request, UserTokenCheck userTokens) {
        Optional<NationalIdentityNumber> patient = NationalIdentityNumber.parse(request.patientId());
        if (patient.isEmpty()) {
            return new Result(null, Verdict.refused(ErrorCode.INVALID_PATIENT_ID, "the national identity number is not valid"));
        }
        Optional<Verdict> problem = actor(request.actor())
                .or(() -> userTokens.check(request.actor(), request.userToken()));
        return problem.map(v -> new Result(null, v)).orElseGet(() -> new Result(patient.get(), null));
    }

    private static Optional<Verdict> actor(Actor actor) {
        if (actor instanceof Actor.HealthPersonnel hp) {
            if (hp.hprNumber() == null || !hp.hprNumber().matches("\\d{1,9}")) {
                return invalid("the HPR number must be 1 to 9 digits");
            }
            if (blank(hp.name())) {
                return invalid("the health worker's name is missing");
            }
            if (hp.profession() == null) {
                return Optional.of(Verdict.refused(ErrorCode.UNKNOWN_PROFESSION, "the profession is missing"));
            }
        } else {
            Actor.CaseWorker cw = (Actor.CaseWorker) actor;
            if (blank(cw.helseIdSubject())) {
                return invalid("the case worker's HelseID subject is missing");
            }
            if (blank(cw.name())) {
                return invalid("the case worker's name is missing");
            }
        }
        return Optional.empty();
    }

    private static Optional<Verdict> invalid(String message) {
        return Optional.of(Verdict.refused(ErrorCode.INVALID_USER, message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
