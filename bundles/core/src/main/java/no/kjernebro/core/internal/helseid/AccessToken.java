package no.kjernebro.core.internal.helseid;

import java.time.Instant;

/**
 * An access token from HelseID. {@link #toString()} never shows the token.
 *
 * @param value the token
 * @param type {@code Bearer} or {@code DPoP}
 * @param expiresAt when HelseID says it expires
 */
public record AccessToken(String value, String type, Instant expiresAt) {

    public boolean dpop() {
        return "DPoP".equalsIgnoreCase(type);
    }

    @Override
    public String toString() {
        return "AccessToken[" + type + ", expires " + expiresAt + ", ****]";
    }
}
