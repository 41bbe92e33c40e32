package no.kjernebro.adapter.forvaltningfil.internal.json;

import no.kjernebro.api.lookup.ErrorCode;

/**
 * One string field as the file had it: its value, or why it could not be read (wrong JSON type).
 * An absent field and an explicit JSON {@code null} both read as absent.
 *
 * @param path the field's dotted path, as error messages name it
 */
record Felt(String path, String value, String problem) {

    static Felt absent(String path) {
        return new Felt(path, null, null);
    }

    /** The value when readable, else null; for echoing and for rejections. */
    String usable() {
        return problem == null ? value : null;
    }

    String required() throws TranslationException {
        if (problem != null) {
            throw new TranslationException(ErrorCode.INVALID_REQUEST, problem);
        }
        if (value == null || value.isBlank()) {
            throw new TranslationException(ErrorCode.INVALID_REQUEST, "missing field '" + path + "'");
        }
        return value.strip();
    }

    String optional() throws TranslationException {
        if (problem != null) {
            throw new TranslationException(ErrorCode.INVALID_REQUEST, problem);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
