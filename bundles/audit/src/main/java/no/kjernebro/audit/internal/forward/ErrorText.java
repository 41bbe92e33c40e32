package no.kjernebro.audit.internal.forward;

import java.util.regex.Pattern;

/**
 * Delivery errors end up in the outbox, the status output and logs. A receiver's error body may echo
 * the event, identity number included: every run of eleven digits is masked, and text is cut short.
 */
final class ErrorText {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(\\d{2})(?!\\d)");

    private ErrorText() {
    }

    static String safe(String text, int max) {
        return bound(text == null ? null : ELEVEN_DIGITS.matcher(text).replaceAll("*********$1"), max);
    }

    static String bound(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
