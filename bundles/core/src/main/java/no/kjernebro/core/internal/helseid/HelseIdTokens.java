package no.kjernebro.core.internal.helseid;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.tenant.TenantHelseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HelseID client: picks the client a tenant's tokens are requested as (its own, or the shared
 * multi-tenant client naming the tenant's organisation), keeps one DPoP key per client, caches tokens
 * (single flight) and builds the headers of resource calls.
 */
public final class HelseIdTokens implements HelseIdClient {

    private static final Logger LOG = LoggerFactory.getLogger(HelseIdTokens.class);

    private final HelseIdSettings settings;
    private final TokenEndpoint endpoint;
    private final TokenCache cache;
    // HelseID and the APIs keep their own nonces even when they share a host (as in the simulator)
    private final DpopNonces tokenEndpointNonces = new DpopNonces();
    private final DpopNonces resourceNonces = new DpopNonces();
    private final Clock clock;
    private final SigningKey multiTenantKey;
    private final SigningKey multiTenantDpopKey;
    private final String multiTenantProblem;
    private final Map<String, SigningKey> generatedDpopKeys = new ConcurrentHashMap<>();
    private final AtomicLong tokenRequests = new AtomicLong();

    public HelseIdTokens(HelseIdSettings settings, Clock clock) {
        this(settings, httpClient(settings.connectTimeout()), clock);
    }

    HelseIdTokens(HelseIdSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.endpoint = new TokenEndpoint(http, settings, tokenEndpointNonces, clock);
        this.cache = new TokenCache(clock, Duration.ofSeconds(settings.tokenRefreshMarginSeconds()));
        SigningKey key = null;
        SigningKey dpopKey = null;
        String problem = null;
        if (settings.multiTenantClientId().isEmpty()) {
            problem = "no multi-tenant HelseID client is configured (helseid.multiTenant.clientId and "
                    + "helseid.multiTenant.keyFile in no.kjernebro.kjernejournal)";
        } else if (settings.multiTenantKeyFile().isEmpty()) {
            problem = "helseid.multiTenant.keyFile is missing for client " + settings.multiTenantClientId();
        } else {
            try {
                key = KeyFiles.load(Path.of(settings.multiTenantKeyFile()), settings.multiTenantKeyId());
                if (!settings.multiTenantDpopKeyFile().isEmpty()) {
                    dpopKey = KeyFiles.load(Path.of(settings.multiTenantDpopKeyFile()), null);
                }
            } catch (IllegalArgumentException e) {
                key = null;
                problem = "the multi-tenant HelseID client " + settings.multiTenantClientId() + " is unusable: " + e.getMessage();
                LOG.error("{}; tenants with helseid.mode=multi get no tokens", problem);
            }
        }
        this.multiTenantKey = key;
        this.multiTenantDpopKey = dpopKey;
        this.multiTenantProblem = problem;
    }

    static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HelseIdSettings settings() {
        return settings;
    }

    /** Token requests sent to HelseID since start (for measurements and the shell). */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    @Override
    public AccessToken systemToken(Tenant tenant, String scope) throws KjernejournalException {
        TokenEndpoint.Client client = client(tenant);
        String s = scope(scope);
        TokenCache.Key key = new TokenCache.Key(client.clientId(), s, tenant.orgnr(),
                client.dpopKey() == null ? "" : client.dpopKey().thumbprint());
        return cache.get(key, () -> {
            tokenRequests.incrementAndGet();
            AccessToken token = endpoint.request(client, s);
            LOG.debug("HelseID issued {} to client {} for tenant {}", token, client.clientId(), tenant.kommunenummer());
            return token;
        });
    }

    @Override
    public Map<String, String> authorize(Tenant tenant, AccessToken token, String method, String url, String nonce)
            throws KjernejournalException {
        if (!token.dpop()) {
            return Map.of("Authorization", "Bearer " + token.value());
        }
        SigningKey dpopKey = client(tenant).dpopKey();
        if (dpopKey == null) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, "a DPoP-bound token for tenant "
                    + tenant.kommunenummer() + " but DPoP is now switched off; the token is dropped");
        }
        String useNonce = nonce;
        if (useNonce != null) {
            resourceNonces.remember(url, useNonce);
        } else {
            useNonce = resourceNonces.latest(url);
        }
        return Map.of("Authorization", "DPoP " + token.value(),
                DpopProof.HEADER, DpopProof.create(dpopKey, method, url, token.value(), useNonce, clock.instant()));
    }

    @Override
    public void rememberNonce(String url, String nonce) {
        resourceNonces.remember(url, nonce);
    }

    @Override
    public void invalidate(Tenant tenant, String scope) {
        String s = scope(scope);
        String clientId = tenant.helseId().multiTenant() ? settings.multiTenantClientId() : tenant.helseIdClientId();
        cache.forget(k -> k.clientId().equals(clientId) && k.scope().equals(s) && k.orgnr().equals(tenant.orgnr()));
    }

    private String scope(String scope) {
        return scope == null || scope.isBlank() ? settings.scope() : scope.trim();
    }

    /** The client the tenant's tokens are requested as, with its DPoP key when DPoP is on. */
    private TokenEndpoint.Client client(Tenant tenant) throws KjernejournalException {
        TenantHelseId h = tenant.helseId();
        boolean dpop = h.dpop() != null ? h.dpop() : settings.dpop();
        if (h.multiTenant()) {
            if (multiTenantKey == null) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, "tenant " + tenant.kommunenummer()
                        + " uses the multi-tenant HelseID client, but " + multiTenantProblem);
            }
            String id = settings.multiTenantClientId();
            return new TokenEndpoint.Client(id, multiTenantKey, tenant.orgnr(),
                    dpop ? dpopKey(id, multiTenantDpopKey) : null);
        }
        return new TokenEndpoint.Client(h.clientId(), h.key(), null, dpop ? dpopKey(h.clientId(), h.dpopKey()) : null);
    }

    // One DPoP key per client: the configured one, else one generated on first use and kept while running.
    private SigningKey dpopKey(String clientId, SigningKey configured) {
        if (configured != null) {
            return configured;
        }
        return generatedDpopKeys.computeIfAbsent(clientId, id -> {
            SigningKey generated = KeyFiles.generate(settings.dpopAlgorithm());
            LOG.info("Generated a {} DPoP key for HelseID client {} (jkt {})", generated.algorithm(), id, generated.thumbprint());
            return generated;
        });
    }
}
