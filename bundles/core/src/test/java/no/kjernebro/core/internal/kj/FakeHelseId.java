package no.kjernebro.core.internal.kj;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.kjernebro.core.internal.helseid.AccessToken;
import no.kjernebro.core.internal.helseid.HelseIdClient;
import no.kjernebro.core.internal.tenant.Tenant;

/** A HelseID client for tests: numbered tokens per tenant, recognisable DPoP "proofs", recorded calls. */
final class FakeHelseId implements HelseIdClient {

    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger invalidations = new AtomicInteger();
    final List<String> proofs = new CopyOnWriteArrayList<>();
    volatile boolean dpop;
    volatile KjernejournalException failure;
    private final AtomicInteger generation = new AtomicInteger(1);
    private final Map<String, String> nonces = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public AccessToken systemToken(Tenant tenant, String scope) throws KjernejournalException {
        tokenRequests.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return new AccessToken("system-" + tenant.kommunenummer() + "-" + generation.get(), dpop ? "DPoP" : "Bearer",
                Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Override
    public Map<String, String> authorize(Tenant tenant, AccessToken token, String method, String url, String nonce) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", token.type() + " " + token.value());
        if (token.dpop()) {
            if (nonce == null) {
                nonce = nonces.get(url);
            }
            String proof = "proof " + method + " " + url + (nonce == null ? "" : " nonce=" + nonce);
            proofs.add(proof);
            headers.put("DPoP", proof);
        }
        return headers;
    }

    @Override
    public void rememberNonce(String url, String nonce) {
        nonces.put(url, nonce);
    }

    @Override
    public void invalidate(Tenant tenant, String scope) {
        invalidations.incrementAndGet();
        generation.incrementAndGet();
    }
}
