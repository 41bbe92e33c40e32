package no.kjernebro.adapter.forvaltningfil.internal.json;

import java.util.List;

/**
 * A forvaltning request read leniently, every field as sent. Validation happens afterwards, in
 * {@link OppslagTranslator}, so that a refusal can still hand core everything that was readable.
 *
 * @param structureProblems unknown fields and wrongly typed objects/arrays, in document order
 * @param sperretKritiskInfo {@code tilleggssamtykke.sperretKritiskInfo}: {@code true}, {@code false} or absent
 * @param sperretLegemidler {@code tilleggssamtykke.sperretLegemidler}, likewise
 * @param lasteResepter {@code tilleggssamtykke.lasteResepter}, likewise
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
        Felt sperretKritiskInfo,
        Felt sperretLegemidler,
        Felt lasteResepter,
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
