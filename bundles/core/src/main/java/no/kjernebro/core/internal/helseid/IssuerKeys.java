package no.kjernebro.core.internal.helseid;

import java.util.List;
import no.kjernebro.core.internal.kj.KjernejournalException;

/** The issuer's signing keys (its JWKS). */
public interface IssuerKeys {

    /**
     * The keys a token signed with {@code keyId} may be checked against: the key with that id, or every
     * key when the token names none. An id not known yet may refresh the set (at a bounded rate).
     *
     * @throws KjernejournalException KJERNEJOURNAL_UNAVAILABLE when no key set could ever be fetched
     */
    List<VerificationKey> keys(String keyId) throws KjernejournalException;
}
