package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.kj.KjernejournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's JWKS over HTTP, from {@code helseid.jwksUrl} or the issuer's discovery document. Kept
 * for {@code maxAge}; a token naming an unknown {@code kid} (HelseID rotated its key) refetches at
 * once, but at most every {@code minRefresh}, so tokens with made-up key ids cannot make Kjernebro
 * hammer HelseID. A failed fetch keeps the keys already known.
 */
public final class RemoteJwks implements IssuerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);
    private static final int MAX_BYTES = 256 * 1024;
    private static final int MAX_KEYS = 50;
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private final String configuredJwksUrl;
    private final String issuer;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration minRefresh;
    private final Duration maxAge;
    private final Clock clock;

    private volatile List<VerificationKey> keys = List.of();
    private volatile Instant fetchedAt;
    private Instant lastFailure;
    private Instant lastKeyIdRefresh;
    private String resolvedJwksUrl;

    public RemoteJwks(String jwksUrl, String issuer, HttpClient http, Duration timeout, Duration minRefresh,
                      Duration maxAge, Clock clock) {
        this.configuredJwksUrl = jwksUrl == null ? "" : jwksUrl.trim();
        this.issuer = UserTokenRules.withoutTrailingSlash(issuer.trim());
        this.http = http;
        this.timeout = timeout;
        this.minRefresh = minRefresh;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public List<VerificationKey> keys(String keyId) throws KjernejournalException {
        Instant fetched = fetchedAt;
        if (fetched == null || clock.instant().isAfter(fetched.plus(maxAge))) {
            refresh(false);
        }
        List<VerificationKey> found = matching(keyId);
        if (found.isEmpty() && keyId != null && fetchedAt != null) {
            refresh(true);
            found = matching(keyId);
        }
        if (fetchedAt == null) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                    "HelseID's signing keys could not be fetched from " + source() + " to verify user tokens");
        }
        return found;
    }

    private List<VerificationKey> matching(String keyId) {
        List<VerificationKey> all = keys;
        return keyId == null ? all : all.stream().filter(k -> keyId.equals(k.keyId())).toList();
    }

    private synchronized void refresh(boolean unknownKeyId) {
        Instant now = clock.instant();
        if (lastFailure != null && now.isBefore(lastFailure.plus(RETRY_AFTER_FAILURE))) {
            return; // HelseID just failed us: do not pile on
        }
        if (unknownKeyId) {
            if (lastKeyIdRefresh != null && now.isBefore(lastKeyIdRefresh.plus(minRefresh))) {
                return; // made-up key ids must not turn into a stream of requests to HelseID
            }
            lastKeyIdRefresh = now;
        } else if (fetchedAt != null && !now.isAfter(fetchedAt.plus(maxAge))) {
            return; // another caller refreshed while this one waited
        }
        try {
            List<VerificationKey> fresh = parse(get(jwksUrl()));
            keys = fresh;
            fetchedAt = now;
            lastFailure = null;
            LOG.info("Fetched {} signing key(s) of HelseID issuer {} from {}", fresh.size(), issuer, resolvedJwksUrl == null
                    ? configuredJwksUrl : resolvedJwksUrl);
        } catch (IOException | RuntimeException e) {
            lastFailure = now;
            resolvedJwksUrl = null; // discover again next time: the issuer may have moved its JWKS
            LOG.warn("Could not fetch HelseID signing keys from {}: {}{}", source(), e.getMessage(),
                    fetchedAt == null ? "" : " (keeping the " + keys.size() + " known keys)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastFailure = now;
        }
    }

    private String jwksUrl() throws IOException, InterruptedException {
        if (!configuredJwksUrl.isEmpty()) {
            return configuredJwksUrl;
        }
        if (resolvedJwksUrl == null) {
            JsonNode discovery = get(issuer + "/.well-known/openid-configuration");
            String uri = discovery.path("jwks_uri").asText("");
            if (uri.isEmpty()) {
                throw new IOException("the discovery document of " + issuer + " names no jwks_uri");
            }
            resolvedJwksUrl = uri;
        }
        return resolvedJwksUrl;
    }

    private String source() {
        return configuredJwksUrl.isEmpty() ? issuer + "/.well-known/openid-configuration" : configuredJwksUrl;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        JsonNode json = body.length > MAX_BYTES ? null : Jose.parse(body);
        if (json == null || !json.isObject()) {
            throw new IOException(url + " did not answer a JSON object");
        }
        return json;
    }

    /** The signature keys of a JWKS; keys of other types or uses are skipped. */
    static List<VerificationKey> parse(JsonNode jwks) throws IOException {
        JsonNode array = jwks.path("keys");
        if (!array.isArray()) {
            throw new IOException("the JWKS has no keys array");
        }
        List<VerificationKey> out = new ArrayList<>();
        for (JsonNode jwk : array) {
            if (out.size() >= MAX_KEYS) {
                break;
            }
            String use = jwk.path("use").asText("sig");
            if (!"sig".equals(use) || jwk.has("d")) {
                continue; // encryption keys, and private keys nobody should publish
            }
            try {
                out.add(new VerificationKey(jwk.path("kid").asText(null), jwk.path("alg").asText(null), Jwk.publicKey(jwk)));
            } catch (IllegalArgumentException e) {
                LOG.debug("Skipping a JWKS key Kjernebro cannot use: {}", e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
