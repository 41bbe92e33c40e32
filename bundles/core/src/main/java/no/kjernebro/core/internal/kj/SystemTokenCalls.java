package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.helseid.AccessToken;
import no.kjernebro.core.internal.helseid.HelseIdClient;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * Calls made with the tenant's HelseID system token (Helseindikator, Legemiddelvarsling). The token
 * and, for DPoP-bound tokens, the proof come from the {@link HelseIdClient}; this class adds what the
 * resource server may ask for: on 401 {@code use_dpop_nonce} one retry with the server's nonce, on any
 * other 401 one retry with a fresh token. Every {@code DPoP-Nonce} a server sends is handed to the
 * HelseID client, which puts the latest one in later proofs (RFC 9449 section 9), so the nonce round
 * trip is paid once, not per call.
 *
 * <p>The token request goes through a {@code helseid-token} circuit breaker: when HelseID is down,
 * lookups fail fast instead of each waiting for its own token timeout. That breaker is kept per
 * tenant, unlike the API breakers: a token request is made with the tenant's own HelseID client and
 * key, and the HelseID client reports a refused client as unavailable too, so one municipality's
 * broken key must not stop every other municipality's token requests.
 */
final class SystemTokenCalls {

    private final HelseIdClient helseId;
    private final ResilientHttp http;
    private final String scope;
    private final ClientStatistics stats;
    private final CircuitBreaker.Settings breakerSettings;
    private final Clock clock;
    private final Map<String, CircuitBreaker> tokenBreakers = new ConcurrentHashMap<>();

    SystemTokenCalls(HelseIdClient helseId, ResilientHttp http, KjernejournalSettings settings, Clock clock,
                     ClientStatistics stats) {
        this.helseId = helseId;
        this.http = http;
        this.scope = settings.scope();
        this.breakerSettings = settings.upstream(Upstream.HELSEID_TOKEN).breaker();
        this.clock = clock;
        this.stats = stats;
    }

    /** The tenant's token breaker. */
    CircuitBreaker tokenBreaker(Tenant tenant) {
        return tokenBreakers.computeIfAbsent(tenant.kommunenummer(),
                k -> new CircuitBreaker(Upstream.HELSEID_TOKEN.key() + "/" + k, breakerSettings, clock));
    }

    HttpAnswer execute(Tenant tenant, HttpCall call, Deadline deadline) throws KjernejournalException {
        AccessToken token = token(tenant);
        String nonce = null; // the HelseID client knows the latest one the server sent
        boolean nonceRetried = false;
        boolean tokenRenewed = false;
        while (true) {
            Map<String, String> auth = helseId.authorize(tenant, token, call.method(), call.target(), nonce);
            HttpAnswer answer = http.execute(tenant, call.withHeaders(auth), deadline);
            String serverNonce = answer.header("DPoP-Nonce");
            if (serverNonce != null && !serverNonce.isBlank()) {
                helseId.rememberNonce(call.target(), serverNonce);
            }
            if (answer.status() != 401) {
                return answer;
            }
            if (asksForNonce(answer) && serverNonce != null && !nonceRetried) {
                nonce = serverNonce;
                nonceRetried = true;
                continue;
            }
            if (!tokenRenewed && !asksForNonce(answer)) {
                // a token the server no longer accepts (revoked, signing key rolled): renew once
                helseId.invalidate(tenant, scope);
                token = token(tenant);
                tokenRenewed = true;
                continue;
            }
            return answer;
        }
    }

    private AccessToken token(Tenant tenant) throws KjernejournalException {
        CircuitBreaker breaker = tokenBreaker(tenant);
        CircuitBreaker.Permit permit = breaker.tryAcquire();
        if (permit == null) {
            stats.failedFast.incrementAndGet();
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                    "helseid-token: circuit breaker of tenant " + tenant.kommunenummer()
                            + " open after repeated failures; failing fast");
        }
        AccessToken token;
        try {
            token = helseId.systemToken(tenant, scope);
        } catch (KjernejournalException e) {
            if (e.error() == ErrorCode.KJERNEJOURNAL_UNAVAILABLE || e.error() == ErrorCode.TOO_MANY_REQUESTS) {
                breaker.onFailure(permit);
            } else {
                breaker.onSuccess(permit); // HelseID answered; it refused this client, which is not an outage
            }
            throw e;
        } catch (RuntimeException e) {
            breaker.onFailure(permit);
            throw new KjernejournalException(ErrorCode.INTERNAL_ERROR, "helseid-token: the HelseID client failed: " + e, e);
        }
        breaker.onSuccess(permit);
        if (token == null || token.value() == null || token.value().isBlank()) {
            throw new KjernejournalException(ErrorCode.INTERNAL_ERROR,
                    "helseid-token: the HelseID client gave no token for tenant " + tenant.kommunenummer());
        }
        return token;
    }

    /** {@code WWW-Authenticate: DPoP error="use_dpop_nonce"} (RFC 9449 section 9). */
    static boolean asksForNonce(HttpAnswer answer) {
        for (String challenge : answer.headers().getOrDefault("WWW-Authenticate", java.util.List.of())) {
            String c = challenge.toLowerCase(Locale.ROOT);
            if (c.contains("use_dpop_nonce")) {
                return true;
            }
        }
        return answer.body().contains("use_dpop_nonce");
    }
}
