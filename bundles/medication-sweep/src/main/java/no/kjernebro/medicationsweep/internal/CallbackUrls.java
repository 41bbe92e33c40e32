package no.kjernebro.medicationsweep.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which callback URLs are accepted: absolute http(s), a host, no user info (credentials in a URL end up
 * in logs), no fragment, no run of 11 digits anywhere (an identity number must never be in a URL), at
 * most 2000 characters.
 */
final class CallbackUrls {

    static final int MAX_LENGTH = 2000;
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    private CallbackUrls() {
    }

    /** The URL when acceptable; null when blank; otherwise an {@link IllegalArgumentException} saying why. */
    static String check(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String candidate = url.strip();
        if (candidate.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the callback URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the callback URL is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the callback URL must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the callback URL must name a host and carry neither credentials nor a fragment");
        }
        if (ELEVEN_DIGITS.matcher(candidate).find()) {
            throw new IllegalArgumentException("the callback URL must not contain an identity number");
        }
        return candidate;
    }
}
