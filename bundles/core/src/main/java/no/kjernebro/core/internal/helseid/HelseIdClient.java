package no.kjernebro.core.internal.helseid;

import java.util.Map;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * Kjernebro's own HelseID client: system tokens per tenant and scope (private_key_jwt, cached,
 * one fetch shared by concurrent callers; single- or multi-tenant client), DPoP-bound where configured.
 * The kjernejournal calls use it for every request made with a system token.
 */
public interface HelseIdClient {

    /**
     * A valid system access token for the tenant and scope, from the cache or a new token request.
     *
     * @throws KjernejournalException KJERNEJOURNAL_UNAVAILABLE when HelseID cannot be reached or refuses
     *         the client (the message says which, without secrets)
     */
    AccessToken systemToken(Tenant tenant, String scope) throws KjernejournalException;

    /**
     * The headers one request with {@code token} must carry: {@code Authorization} ({@code Bearer ...}
     * or {@code DPoP ...}) and, for a DPoP-bound token, a fresh {@code DPoP} proof for this method and URL
     * (with {@code ath}, and the server's nonce when one is given).
     *
     * @param nonce the latest {@code DPoP-Nonce} the resource server sent, or null
     */
    Map<String, String> authorize(Tenant tenant, AccessToken token, String method, String url, String nonce)
            throws KjernejournalException;

    /**
     * Remembers the {@code DPoP-Nonce} a resource server sent (in any answer, RFC 9449 section 9), so the
     * next proof for that server carries it without a {@code use_dpop_nonce} round trip.
     */
    void rememberNonce(String url, String nonce);

    /** Forgets the cached token (after the resource server answered 401 invalid_token). */
    void invalidate(Tenant tenant, String scope);
}
