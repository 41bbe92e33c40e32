package no.kjernebro.adapterkit.conformance;

import java.io.IOException;
import java.nio.file.Path;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Samtykker;
import org.apache.camel.RoutesBuilder;

/**
 * What an adapter's test tells the conformance kit: how to build the adapter's routes, and how to send
 * each kind of message in the adapter's own dialect and transport and read the answer back as a neutral
 * {@link Answer}. Every {@code send...} method blocks until the EPJ would have its answer (for a file
 * adapter: until the result file is there) and throws {@link IOException} for a connection-level
 * failure. Messages use {@link Demo#USER_TOKEN} as the user's token and otherwise valid defaults.
 */
public interface AdapterUnderTest {

    /** The adapter id (service property, route-id prefix, path segment). */
    String adapterId();

    Dialect dialect();

    /**
     * A new instance of the adapter's routes, bound to the given service (the harness calls this again
     * for the hot swap, as OSGi would on a bundle update). Use a small size limit for the oversized test.
     */
    RoutesBuilder routes(LookupService lookupService);

    /**
     * Called after the builder's routes were stopped and removed, as OSGi would deactivate the component:
     * release what the builder opened (files, threads).
     */
    default void discard(RoutesBuilder routes) {
    }

    /** A lookup for {@code input}'s patient, claiming its municipality and presenting its credential. */
    Answer send(LookupInput input) throws IOException, InterruptedException;

    /**
     * A valid lookup for {@code patientId} from the demo municipality, except that a code the adapter
     * itself must judge is unknown (an HPR profession code, or an access-basis code): see
     * {@link #invalidCodeError()}.
     */
    Answer sendInvalidCode(String patientId) throws IOException, InterruptedException;

    /** The code the adapter rejects {@link #sendInvalidCode} with. */
    default ErrorCode invalidCodeError() {
        return ErrorCode.UNKNOWN_PROFESSION;
    }

    /**
     * Like {@link #send}, with the patient's additional consents given at the point of care written the
     * dialect's way: each of {@code samtykker}'s three consents as its own field, {@code true} or
     * {@code false} (the kit sends every combination it checks, also all false written out).
     */
    Answer sendWithSamtykker(LookupInput input, Samtykker samtykker) throws IOException, InterruptedException;

    /**
     * A valid lookup for {@code patientId} from the demo municipality, except that a consent field holds
     * something that is not a boolean of the dialect (e.g. {@code "ja"}): see {@link #invalidSamtykkeError()}.
     */
    Answer sendInvalidSamtykke(String patientId) throws IOException, InterruptedException;

    /** The code the adapter rejects {@link #sendInvalidSamtykke} with: a malformed field. */
    default ErrorCode invalidSamtykkeError() {
        return ErrorCode.INVALID_REQUEST;
    }

    /**
     * Reads a success answer's statement about completeness, in the dialect: {@code true} when it says the
     * summary is complete, {@code false} when it says something was left out or could not be shown. An
     * answer that says neither must fail the test (throw an {@link AssertionError}): the EPJ user has to
     * be told either way.
     */
    boolean saysComplete(Answer answer);

    /** A message that is not well-formed in the dialect (e.g. cut off in the middle), with the credential. */
    Answer sendMalformed() throws IOException, InterruptedException;

    /**
     * A hostile message of the given kind with the demo credential. {@code secretFile} holds
     * {@link Demo#CANARY}: an external entity points at it.
     */
    Answer sendHostile(Hostility hostility, Path secretFile) throws IOException, InterruptedException;

    /** A valid lookup padded beyond the adapter's size limit, with the demo credential. */
    Answer sendOversized() throws IOException, InterruptedException;
}
