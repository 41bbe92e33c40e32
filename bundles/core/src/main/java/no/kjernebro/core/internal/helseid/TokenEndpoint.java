package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.kj.KjernejournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client-credentials token request to HelseID with a {@code private_key_jwt} assertion and, for
 * DPoP, a proof; a {@code use_dpop_nonce} answer is retried once with the nonce the server gave.
 * Every failure is KJERNEJOURNAL_UNAVAILABLE with a message for operators: the endpoint, the client,
 * the status and HelseID's error code, never a key, assertion or token.
 */
final class TokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    /** The client a request is made as. {@code dpopKey} is null when no DPoP proof is sent. */
    record Client(String clientId, SigningKey key, String orgnr, SigningKey dpopKey) {
    }

    private record Answer(int status, JsonNode json, String nonce) {
        String error() {
            return json == null ? "" : json.path("error").asText("");
        }
    }

    private final HttpClient http;
    private final HelseIdSettings settings;
    private final DpopNonces nonces;
    private final Clock clock;

    TokenEndpoint(HttpClient http, HelseIdSettings settings, DpopNonces nonces, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.nonces = nonces;
        this.clock = clock;
    }

    AccessToken request(Client client, String scope) throws KjernejournalException {
        String url = settings.tokenUrl();
        Answer answer = post(client, scope, client.dpopKey() == null ? null : nonces.latest(url));
        if (client.dpopKey() != null && answer.status() == 400 && "use_dpop_nonce".equals(answer.error())
                && answer.nonce() != null) {
            // RFC 9449 section 8: the server wants its nonce in the proof; one retry with a fresh assertion
            answer = post(client, scope, answer.nonce());
        }
        if (answer.status() != 200) {
            throw refused(client, answer);
        }
        return token(client, answer);
    }

    private Answer post(Client client, String scope, String nonce) throws KjernejournalException {
        String url = settings.tokenUrl();
        Instant now = clock.instant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", client.clientId());
        form.put("client_assertion_type", ClientAssertion.TYPE);
        form.put("client_assertion", ClientAssertion.create(client.clientId(), url, client.key(), client.orgnr(), now));
        form.put("scope", scope);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.responseTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        if (client.dpopKey() != null) {
            request.header(DpopProof.HEADER, DpopProof.create(client.dpopKey(), "POST", url, null, nonce, now));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            String answeredNonce = response.headers().firstValue(DpopProof.NONCE_HEADER).orElse(null);
            nonces.remember(url, answeredNonce);
            JsonNode json = body.length > MAX_ANSWER_BYTES ? null : Jose.parse(body);
            return new Answer(response.statusCode(), json != null && json.isObject() ? json : null, answeredNonce);
        } catch (HttpTimeoutException e) {
            throw unavailable(client, "did not answer within " + settings.responseTimeout().toMillis() + " ms ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw unavailable(client, "could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(client, "request was interrupted", e);
        }
    }

    private AccessToken token(Client client, Answer answer) throws KjernejournalException {
        JsonNode json = answer.json();
        String value = json == null ? "" : json.path("access_token").asText("");
        if (value.isEmpty()) {
            throw unavailable(client, "answered 200 without an access_token", null);
        }
        String type = json.path("token_type").asText("Bearer");
        if (!"Bearer".equalsIgnoreCase(type) && !"DPoP".equalsIgnoreCase(type)) {
            throw unavailable(client, "answered an unknown token_type '" + type + "'", null);
        }
        if ("DPoP".equalsIgnoreCase(type) && client.dpopKey() == null) {
            throw unavailable(client, "answered a DPoP token to a request without a DPoP proof", null);
        }
        if (client.dpopKey() != null && "Bearer".equalsIgnoreCase(type)) {
            LOG.debug("HelseID answered client {} with a Bearer token although DPoP was asked for; using it as Bearer",
                    client.clientId());
        }
        long lifetime = json.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        return new AccessToken(value, "DPoP".equalsIgnoreCase(type) ? "DPoP" : "Bearer",
                clock.instant().plusSeconds(Math.max(1, lifetime)));
    }

    private KjernejournalException refused(Client client, Answer answer) {
        String oauth = answer.error().isEmpty() ? "no OAuth error given"
                : answer.error() + describe(answer.json().path("error_description").asText(""));
        String why = answer.status() >= 500 ? "is failing: " + answer.status() + " (" + oauth + ")"
                : "refused the token request: " + answer.status() + " " + oauth;
        return unavailable(client, why, null);
    }

    private KjernejournalException unavailable(Client client, String what, Throwable cause) {
        return new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, "HelseID token endpoint "
                + settings.tokenUrl() + " " + what + " [client " + client.clientId()
                + (client.orgnr() == null ? "" : ", acting for " + client.orgnr()) + "]", cause);
    }

    // HelseID's description explains the refusal; it is cut short so a misbehaving server cannot flood the log.
    private static String describe(String description) {
        if (description.isBlank()) {
            return "";
        }
        String clean = description.replaceAll("\\p{Cntrl}", " ");
        return " - " + (clean.length() > 200 ? clean.substring(0, 200) + "..." : clean);
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
}
