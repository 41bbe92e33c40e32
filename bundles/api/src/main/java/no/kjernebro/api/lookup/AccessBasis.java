package no.kjernebro.api.lookup;

/** The access basis (samtykke) codes, spelled as kjernejournal spells them. */
public enum AccessBasis {
    /** the patient consented. */
    HPMOTTATTSAMTYKKE,
    /** emergency: the patient cannot consent and help is needed now; always reviewed. */
    HPAKUTT,
    /** consent not required (e.g. the patient's own GP). */
    HPUNNTAK
}
