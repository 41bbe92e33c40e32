package no.kjernebro.audit.internal;

import java.util.regex.Pattern;

/**
 * Database and HTTP error messages can echo the values of a statement, an identity number among
 * them. Everything this bundle logs or hands on as a cause goes through here first.
 */
final class LogSafe {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(\\d{2})(?!\\d)");

    /** A stand-in for an exception whose message was masked; keeps the original type name and stack. */
    static final class ScrubbedException extends Exception {
        private static final long serialVersionUID = 1L;

        ScrubbedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private LogSafe() {
    }

    /** Masks every run of exactly 11 digits as {@code *********NN}. */
    static String mask(String text) {
        return text == null ? null : ELEVEN_DIGITS.matcher(text).replaceAll("*********$1");
    }

    /** {@code type: message} with identity numbers masked. */
    static String describe(Throwable t) {
        return t.getClass().getName() + ": " + mask(t.getMessage());
    }

    /** A copy of the cause chain (at most 10 deep) with every message masked. */
    static Throwable scrub(Throwable t) {
        return scrub(t, 10);
    }

    private static Throwable scrub(Throwable t, int depth) {
        Throwable cause = t.getCause() == null || depth == 0 ? null : scrub(t.getCause(), depth - 1);
        ScrubbedException copy = new ScrubbedException(describe(t), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }
}
