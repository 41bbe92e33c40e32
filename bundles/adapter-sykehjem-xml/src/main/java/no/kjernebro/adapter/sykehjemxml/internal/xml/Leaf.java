package no.kjernebro.adapter.sykehjemxml.internal.xml;

import no.kjernebro.api.lookup.ErrorCode;

/**
 * A text element read leniently: its value as sent (trimmed) and, if it could not be read cleanly,
 * why. Reading everything first and judging afterwards lets a rejected request still carry every
 * readable field to core's audit.
 *
 * @param path the element path for messages, e.g. {@code Pasient/Fodselsnummer}
 * @param value the trimmed text, or null when missing, empty or unreadable
 * @param problem null when the element was read cleanly
 * @param missing true when the element (or an ancestor) is absent or empty
 */
record Leaf(String path, String value, String problem, boolean missing) {

    static Leaf of(String path, String value) {
        return new Leaf(path, value, null, false);
    }

    static Leaf absent(String path, String problem) {
        return new Leaf(path, null, problem, true);
    }

    static Leaf broken(String path, String value, String problem) {
        return new Leaf(path, value, problem, false);
    }

    /** The value; a missing, empty or malformed element fails with a message naming it. */
    String required() throws TranslationException {
        if (problem != null) {
            throw new TranslationException(ErrorCode.INVALID_REQUEST, problem);
        }
        return value;
    }

    /** The value, or null when the element is absent or empty; a malformed one still fails. */
    String optional() throws TranslationException {
        if (missing) {
            return null;
        }
        return required();
    }
}
