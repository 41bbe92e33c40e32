package no.kjernebro.adapterkit.conformance;

/**
 * The municipality, credentials and patient every conformance test uses. All synthetic: the identity
 * number is one of the demo numbers in docs/contracts.md (month + 80), the organisation number a
 * checksum-valid demo value, the secrets made up.
 */
public final class Demo {

    /** Alta, the demo tenant the {@link RecordingLookupService} knows. */
    public static final String KOMMUNENUMMER = "5601";

    public static final String ORGNR = "990560102";

    /** The EPJ system's credential that the recording service accepts for {@link #KOMMUNENUMMER}. */
    public static final String API_KEY = "kit-alta-5601-api-key";

    /** A credential no tenant has. */
    public static final String WRONG_API_KEY = "kit-wrong-api-key";

    /** Four digits that are no Kjernebro tenant (and no Norwegian municipality). */
    public static final String UNKNOWN_KOMMUNENUMMER = "9999";

    /** The demo nursing-home resident (synthetic fødselsnummer, born 1928). */
    public static final String PATIENT = "05902823095";

    /** The user's HelseID access token: an opaque stand-in shaped like a JWT. */
    public static final String USER_TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJraXQtdXNlciJ9.kit-user-token-signature";

    /** Health personnel: a nurse (HPR profession SP). */
    public static final String HPR_NUMBER = "9100002";
    public static final String HPR_NAME = "Siv Testsykepleier";
    public static final String PROFESSION = "SP";

    /** A case worker's HelseID subject, for adapters that serve allocation offices. */
    public static final String CASE_WORKER_SUBJECT = "hid-sb-5601-0001";
    public static final String CASE_WORKER_NAME = "Sara Testsaksbehandler";

    /** Written into the file a hostile message tries to pull in: must never appear in an answer. */
    public static final String CANARY = "KJERNEBRO-KIT-CANARY-5c1d";

    private Demo() {
    }
}
