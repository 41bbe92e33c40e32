package no.kjernebro.adapter.sykehjemxml.internal.xml;

/** Names fixed by the sykehjem-xml dialect (see {@code xsd/sykehjem-oppslag-v1.xsd}). */
public final class OppslagFormat {

    /** The dialect's XML namespace; a new major version gets a new namespace. */
    public static final String NAMESPACE = "urn:no:kjernebro:epj:sykehjem:oppslag:v1";

    public static final String OPPSLAG = "KjernejournalOppslag";
    public static final String SVAR = "KjernejournalSvar";
    public static final String FEILMELDING = "Feilmelding";

    /** The request element holding the patient's additional consents given at the point of care. */
    public static final String TILLEGGSSAMTYKKE = "Tilleggssamtykke";

    /** The adapter id: service property, route-id prefix and path segment. */
    public static final String ADAPTER_ID = "sykehjem-xml";

    /** Header carrying the user's HelseID access token (the EPJ got it when the user logged in). */
    public static final String USER_TOKEN_HEADER = "X-HelseID-Brukertoken";

    public static final String API_KEY_HEADER = "X-Api-Key";

    /** What every answer is sent as. */
    public static final String RESPONSE_CONTENT_TYPE = "application/xml; charset=UTF-8";

    /** Default upper bound for a request body; an oppslag is well under 2 KiB. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private OppslagFormat() {
    }
}
