package no.kjernebro.api.lookup;

/**
 * Additional consents the patient gave at the point of care, on top of the access basis. Kjernejournal
 * only shares a module the patient restricted, or locked prescriptions, when the request says the
 * patient consented to it there and then.
 *
 * @param sperretKritiskInfo the patient consented to showing critical information they restricted
 *        ({@code KJ-SAMTYKKE-SPERRET-KRITISKINFO})
 * @param sperretLegemidler the patient consented to showing medication they restricted
 *        ({@code samtykke-sperret-legemidler})
 * @param lasteResepter the patient consented to showing locked prescriptions ({@code samtykke-laste-resepter})
 * @since 1.1
 */
public record Samtykker(boolean sperretKritiskInfo, boolean sperretLegemidler, boolean lasteResepter) {

    /** No additional consent. */
    public static final Samtykker INGEN = new Samtykker(false, false, false);
}
