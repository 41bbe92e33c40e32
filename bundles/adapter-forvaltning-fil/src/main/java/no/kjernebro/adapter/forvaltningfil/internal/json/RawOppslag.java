package no.kjernebro.adapter.forvaltningfil.internal.json;

import java.util.List;

/**
 * A forvaltning request read leniently, every field as sent. Validation happens afterwards, in
 * {@link OppslagTranslator}, so that a refusal can still hand core everything that was readable.
 *
 * @param structureProblems unknown fields and wrongly typed objects/arrays, in document order
 * @param onsketInnhold the wanted sections as sent; empty when absent
 */
record RawOppslag(
        List<String> structureProblems,
        Felt meldingsId,
        Felt saksnummer,
        Felt kommune,
        Felt fagsystemNavn,
        Felt fagsystemVersjon,
        Felt helseIdSubjekt,
        Felt saksbehandlerNavn,
        Felt rolle,
        Felt enhet,
        Felt fodselsnummer,
        Felt formaal,
        Felt tilgangsgrunnlag,
        List<Felt> onsketInnhold,
        Felt apiNokkel,
        Felt helseIdToken) {

    RawOppslag {
        structureProblems = List.copyOf(structureProblems);
        onsketInnhold = List.copyOf(onsketInnhold);
    }

    /** "name version" as the case system identifies itself, or null. */
    String sourceSystem() {
        String navn = fagsystemNavn.usable();
        if (navn == null) {
            return null;
        }
        String versjon = fagsystemVersjon.usable();
        return versjon == null ? navn : navn + " " + versjon;
    }
}
