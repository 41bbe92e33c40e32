package no.kjernebro.adapter.sykehjemxml.internal;

/** An HTTP status and an XML body (UTF-8): a {@code KjernejournalSvar} or a {@code Feilmelding}. */
record HttpAnswer(int status, byte[] body) {
}
