package no.kjernebro.core.internal.lookup;

import java.util.Optional;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.helseid.InvalidUserTokenException;
import no.kjernebro.core.internal.helseid.UserTokenVerifier;
import no.kjernebro.core.internal.helseid.VerifiedUserToken;
import no.kjernebro.core.internal.kj.KjernejournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is the user token genuine, and does it belong to the actor the request names? The token is verified
 * (signature, issuer, audience, lifetime, security level) before its claims are believed; then its HPR
 * number (case workers: its subject) must be the one of the user named, so an EPJ cannot put one
 * user's name in the audit log with another user's token.
 */
final class UserTokenCheck {

    private static final Logger LOG = LoggerFactory.getLogger(UserTokenCheck.class);

    private final UserTokenVerifier verifier;

    UserTokenCheck(UserTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** @return the refusal (or failure), or empty when the token is valid and names the actor */
    Optional<Verdict> check(Actor actor, String userToken) {
        if (userToken == null || userToken.isBlank()) {
            return Optional.of(Verdict.refused(ErrorCode.MISSING_USER_TOKEN, "the user's HelseID access token is missing"));
        }
        VerifiedUserToken token;
        try {
            token = verifier.verify(userToken);
        } catch (InvalidUserTokenException e) {
            return Optional.of(Verdict.refused(ErrorCode.USER_TOKEN_INVALID, e.getMessage()));
        } catch (KjernejournalException e) {
            // HelseID's keys are out of reach: not the user's fault, and nothing is fetched
            LOG.warn("The user token could not be checked: {}", e.getMessage());
            return Optional.of(Verdict.failed(e.error(), e.error().description(), false));
        }
        if (actor instanceof Actor.HealthPersonnel hp) {
            String hpr = token.hprNumber();
            if (hpr == null) {
                return Optional.of(Verdict.refused(ErrorCode.USER_TOKEN_MISMATCH,
                        "the user token has no HPR number, but the request names health worker " + hp.hprNumber()));
            }
            if (!hpr.equals(hp.hprNumber())) {
                return Optional.of(Verdict.refused(ErrorCode.USER_TOKEN_MISMATCH,
                        "the user token's HPR number " + hpr + " is not the one of the user " + hp.hprNumber()));
            }
        } else {
            Actor.CaseWorker cw = (Actor.CaseWorker) actor;
            if (!cw.helseIdSubject().equals(token.subject())) {
                return Optional.of(Verdict.refused(ErrorCode.USER_TOKEN_MISMATCH,
                        "the user token's subject does not match the user " + cw.helseIdSubject()));
            }
        }
        return Optional.empty();
    }
}
