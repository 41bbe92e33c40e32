package no.kjernebro.api.summary;

import no.kjernebro.api.lookup.Section;

/**
 * Something in kjernejournal's answer that Kjernebro could not map into the canonical model, kept
 * rather than dropped so that a summary is never presented as complete when it is not.
 *
 * @param seksjon the section it belongs to, or null when unknown
 * @param kode a stable code: {@code UKJENT_RESSURSTYPE}, {@code UKJENT_KODE}, {@code MANGLER_FELT},
 *        {@code MODUL_SPERRET}, {@code UKJENT_PROFIL}
 * @param tekst a Norwegian sentence for the user
 * @param ressurstype the FHIR resource type or message type concerned, if any
 * @param innhold the original content (e.g. the FHIR resource as JSON), preserved for display; may be null
 * @since 1.1
 */
public record Merknad(Section seksjon, String kode, String tekst, String ressurstype, String innhold) {
}
