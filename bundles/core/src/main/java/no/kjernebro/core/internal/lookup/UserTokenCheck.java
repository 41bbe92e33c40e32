package no.kjernebro.core.internal.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.kj.Jwt;

/**
 * Does the user token belong to the actor the request names? Kjernejournal verifies the token's
 * signature; this check stops an EPJ from sending one user's token with another user's name, which
 * would put the wrong person in the audit log.
 */
final class UserTokenCheck {

    static final String HPR_NUMBER_CLAIM = "helseid://claims/hpr/hpr_number";

    private UserTokenCheck() {
    }

    /** @return the refusal, or empty when the token matches the actor */
    static Optional<Verdict> check(Actor actor, String userToken) {
        if (userToken == null || userToken.isBlank()) {
            return Optional.of(Verdict.refused(ErrorCode.MISSING_USER_TOKEN, "the user's HelseID access token is missing"));
        }
        Optional<JsonNode> claims = Jwt.unverifiedClaims(userToken);
        if (claims.isEmpty()) {
            return Optional.of(Verdict.refused(ErrorCode.USER_TOKEN_MISMATCH, "the user token is not a JWT"));
        }
        if (actor instanceof Actor.HealthPersonnel hp) {
            String hpr = claims.get().path(HPR_NUMBER_CLAIM).asText("");
            if (!hpr.equals(hp.hprNumber())) {
                return Optional.of(Verdict.refused(ErrorCode.USER_TOKEN_MISMATCH,
                        "the user token's HPR number does not match the user " + hp.hprNumber()));
            }
        } else {
            Actor.CaseWorker cw = (Actor.CaseWorker) actor;
            String sub = claims.get().path("sub").asText("");
            if (!sub.equals(cw.helseIdSubject())) {
                return Optional.of(Verdict.refused(ErrorCode.USER_TOKEN_MISMATCH,
                        "the user token's subject does not match the user " + cw.helseIdSubject()));
            }
        }
        return Optional.empty();
    }
}
