package no.kjernebro.auditreview.internal.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import no.kjernebro.auditreview.internal.access.Auditor;
import no.kjernebro.auditreview.internal.access.Authenticator;
import no.kjernebro.auditreview.internal.access.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic in front of every endpoint: 401 for missing or wrong credentials, 429 while a user name
 * is in back-off after failed logins, 403 for a user without the auditor role. Passwords are never
 * logged and are wiped after use.
 */
final class BasicAuthentication {

    static final String CHALLENGE = "Basic realm=\"kjernebro-audit\"";
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthentication.class);
    private static final int MAX_USER = 128;

    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final String role;

    BasicAuthentication(Authenticator authenticator, LoginThrottle throttle, String role) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.role = role;
    }

    Auditor authenticate(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("this API needs HTTP Basic authentication");
        }
        char[] decoded = decode(authorization.substring(6).trim());
        try {
            int colon = indexOf(decoded, ':');
            if (colon <= 0) {
                throw unauthorized("the Basic credentials are malformed");
            }
            String user = new String(decoded, 0, colon);
            if (user.length() > MAX_USER || user.isBlank()) {
                throw unauthorized("the user name is not acceptable");
            }
            Duration wait = throttle.waitFor(user);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                throw new ApiProblem(429, "Too Many Requests", "too many failed logins for this user; try again in "
                        + seconds + " s").header("Retry-After", Long.toString(seconds));
            }
            char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            Optional<Auditor> auditor;
            try {
                auditor = authenticator.authenticate(user, password);
            } catch (IllegalStateException e) {
                LOG.error("Auditor API cannot authenticate: {}", e.getMessage());
                throw new ApiProblem(503, "Service Unavailable", "authentication is not available");
            } finally {
                Arrays.fill(password, '\0');
            }
            if (auditor.isEmpty()) {
                throttle.failed(user);
                LOG.warn("Auditor API: failed login for user '{}'", Words.clip(user));
                throw unauthorized("wrong user name or password");
            }
            throttle.succeeded(user);
            if (!auditor.get().hasRole(role)) {
                LOG.warn("Auditor API: user '{}' lacks the role '{}'", Words.clip(user), role);
                throw new ApiProblem(403, "Forbidden", "the user does not have the role '" + role + "'");
            }
            return auditor.get();
        } finally {
            Arrays.fill(decoded, '\0');
        }
    }

    private static char[] decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw unauthorized("the Basic credentials are not valid base64");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            return result;
        } catch (CharacterCodingException e) {
            throw unauthorized("the Basic credentials are not UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail).header("WWW-Authenticate", CHALLENGE);
    }
}
