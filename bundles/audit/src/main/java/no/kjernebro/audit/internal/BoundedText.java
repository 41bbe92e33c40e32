package no.kjernebro.audit.internal;

/** Makes caller-supplied text fit a column without surprising either database. */
final class BoundedText {

    private BoundedText() {
    }

    /**
     * Cuts {@code value} to at most {@code max} chars. PostgreSQL refuses NUL in text, and a
     * refused insert would fail the lookup closed, so NUL becomes U+FFFD; a cut never splits a
     * surrogate pair.
     */
    static String bound(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\u0000') >= 0 ? value.replace('\u0000', '\uFFFD') : value;
        if (clean.length() <= max) {
            return clean;
        }
        int end = max;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end);
    }
}
