package no.kjernebro.adapter.forvaltningfil.internal;

/**
 * What handling one request file produced.
 *
 * @param svar true for a {@code .svar.json} (data returned), false for a {@code .feil.json}
 * @param dokument the result file's content
 * @param avvist true when the input is moved to {@code feilet} (it could not be translated, or was a
 *               duplicate); false when core handled it and it goes to {@code behandlet}
 * @param kode OK or the error code, for the log line
 * @param correlationId the audit record's correlation id
 */
record Behandling(boolean svar, byte[] dokument, boolean avvist, String kode, String correlationId) {
}
