package no.kjernebro.core.internal.helseid;

import no.kjernebro.core.internal.kj.KjernejournalException;

/** Checks a user's HelseID access token presented by an EPJ before Kjernebro acts on it. */
public interface UserTokenVerifier {

    /**
     * @throws InvalidUserTokenException when a check fails (the message names which)
     * @throws KjernejournalException KJERNEJOURNAL_UNAVAILABLE when the issuer's keys cannot be fetched
     */
    VerifiedUserToken verify(String token) throws InvalidUserTokenException, KjernejournalException;
}
