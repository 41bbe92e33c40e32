package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * HelseID system tokens (client credentials with private_key_jwt), one per tenant, cached until
 * shortly before they expire. Two concurrent misses may both fetch a token; both are valid, and
 * that is cheaper than holding a lock across an HTTP call.
 */
final class SystemTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final int DEFAULT_LIFETIME_SECONDS = 300;

    private record Cached(String token, Instant renewAfter) {
    }

    private final KjHttp http;
    private final KjernejournalSettings settings;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SystemTokens(KjHttp http, KjernejournalSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    String token(Tenant tenant) throws KjernejournalException {
        String key = key(tenant);
        Cached cached = cache.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.renewAfter())) {
            return cached.token();
        }
        Cached fresh = request(tenant, now);
        cache.put(key, fresh);
        return fresh.token();
    }

    /** Forgets a tenant's token, e.g. after kjernejournal refused it. */
    void evict(Tenant tenant) {
        cache.remove(key(tenant));
    }

    private Cached request(Tenant tenant, Instant now) throws KjernejournalException {
        String assertion = ClientAssertion.create(tenant.helseIdClientId(), settings.tokenUrl(), tenant.orgnr(),
                tenant.helseIdKey(), now);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", tenant.helseIdClientId());
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", assertion);
        form.put("scope", settings.scope());
        form.put("authorization_details", ClientAssertion.authorizationDetails(tenant.orgnr()).toString());
        KjHttp.Answer answer = http.call(KjRoutes.SYSTEM_TOKEN, "HelseID token request",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
                formBody(form));
        if (answer.status() >= 500) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                    "HelseID token endpoint answered " + answer.status());
        }
        if (!answer.ok()) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, "HelseID refused client "
                    + tenant.helseIdClientId() + " (" + answer.status() + "): " + oauthError(answer.body()));
        }
        try {
            JsonNode json = JSON.readTree(answer.body());
            String token = json.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, "HelseID answer has no access_token");
            }
            long lifetime = json.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
            long usable = Math.max(0, lifetime - settings.tokenRefreshMarginSeconds());
            return new Cached(token, now.plusSeconds(usable));
        } catch (IOException e) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, "HelseID answer is not JSON", e);
        }
    }

    private static String key(Tenant tenant) {
        return tenant.kommunenummer() + "|" + tenant.helseIdClientId() + "|" + tenant.orgnr();
    }

    private static String formBody(Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    private static String oauthError(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            if (json != null && json.has("error")) {
                return json.path("error").asText() + (json.has("error_description")
                        ? " - " + json.path("error_description").asText() : "");
            }
        } catch (IOException e) {
            // not an OAuth error body; the status says enough
        }
        return "no OAuth error given";
    }
}
