package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.util.List;

/**
 * A {@code KjernejournalOppslag} read leniently, every field as sent. Validation happens afterwards,
 * in {@link OppslagTranslator}, so that a refusal can still name everything that was readable.
 *
 * @param actorKind which actor element(s) the message has
 * @param actorId HPR number (Bruker) or HelseID subject (Saksbehandler)
 * @param professionOrRole the HPR profession code (Bruker) or role (Saksbehandler)
 * @param onsketInnhold the wanted sections; empty when the element is absent
 * @param sperretKritiskInfo {@code Tilleggssamtykke/SperretKritiskInfo}, absent when not given
 * @param sperretLegemidler {@code Tilleggssamtykke/SperretLegemidler}, absent when not given
 * @param lasteResepter {@code Tilleggssamtykke/LasteResepter}, absent when not given
 */
record RawOppslag(
        Leaf meldingsId,
        Leaf kommunenummer,
        Leaf organisasjonsnummer,
        Leaf enhet,
        Leaf systemNavn,
        Leaf systemVersjon,
        ActorKind actorKind,
        Leaf actorId,
        Leaf actorName,
        Leaf professionOrRole,
        Leaf fodselsnummer,
        Leaf tjenestested,
        Leaf tilgangsgrunnlag,
        List<Leaf> onsketInnhold,
        Leaf sperretKritiskInfo,
        Leaf sperretLegemidler,
        Leaf lasteResepter) {

    /** Bruker (health personnel) or Saksbehandler (case worker); exactly one is valid. */
    enum ActorKind { BRUKER, SAKSBEHANDLER, NONE, BOTH }

    RawOppslag {
        onsketInnhold = List.copyOf(onsketInnhold);
    }

    /** "name version" as the EPJ identifies itself, or null. */
    String sourceSystem() {
        if (systemNavn.value() == null) {
            return null;
        }
        return systemVersjon.value() == null ? systemNavn.value() : systemNavn.value() + " " + systemVersjon.value();
    }
}
