package no.kjernebro.api.lookup;

/** The municipal services the seed names as kjernejournal users. */
public enum ServiceContext {
    /** hjemmebaserte tjenester / hjemmetjeneste. */
    HJEMMETJENESTE(true),
    /** sykehjem med langtidspasienter. */
    SYKEHJEM_LANGTID(true),
    /** sykehjem med korttidspasienter. */
    SYKEHJEM_KORTTID(true),
    /** kommunale akutte døgnplasser (KAD/ØHD). */
    KAD_OHD(true),
    /** omsorgsinstitusjoner for barn, unge, eldre, rus og psykiatri. */
    OMSORGSINSTITUSJON(true),
    /** forvaltningskontor, tjenestekontor og tildelingskontor. */
    TILDELINGSKONTOR(false);

    private final boolean clinical;

    ServiceContext(boolean clinical) {
        this.clinical = clinical;
    }

    /** True where patients are treated; the allocation office is administrative. */
    public boolean clinical() {
        return clinical;
    }
}
