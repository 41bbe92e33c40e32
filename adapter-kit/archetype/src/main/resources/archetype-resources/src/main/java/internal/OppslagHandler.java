package ${package}.internal;

import ${package}.internal.json.FeilWriter;
import ${package}.internal.json.OppslagFormat;
import ${package}.internal.json.OppslagTranslator;
import ${package}.internal.json.SvarWriter;
import ${package}.internal.json.Translation;
import java.util.Locale;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request from HTTP in to HTTP answer, without Camel. Every request, also one that could not be
 * read, goes to core, which authenticates the caller and audits; the adapter only translates both ways.
 * Nothing thrown here reaches the caller: it becomes an INTERNAL_ERROR document.
 */
final class OppslagHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OppslagHandler.class);

    private final LookupService lookupService;
    private volatile OppslagTranslator translator;

    OppslagHandler(LookupService lookupService, int maxBytes) {
        this.lookupService = lookupService;
        this.translator = new OppslagTranslator(maxBytes);
    }

    /** Applies a new body limit to requests that arrive from now on. */
    void maxBytes(int maxBytes) {
        translator = new OppslagTranslator(maxBytes);
    }

    HttpAnswer handle(HttpInbound in) {
        Translation translation = null;
        try {
            CallerCredential credential = CallerCredential.fromHeaders(in.authorization(), in.apiKey());
            translation = translate(in);
            LookupOutcome outcome = translation instanceof Translation.Accepted accepted
                    ? lookupService.lookup(credential, accepted.request())
                    : lookupService.reject(credential, ((Translation.Rejected) translation).rejected());
            if (outcome == null) {
                throw new IllegalStateException("LookupService returned no outcome");
            }
            HttpAnswer answer = render(outcome, translation);
            LOG.info("{} oppslag {}: HTTP {} {}", OppslagFormat.ADAPTER_ID, outcome.correlationId(), answer.status(),
                    outcome.isAllowed() ? Outcome.ALLOWED : outcome.error());
            return answer;
        } catch (RuntimeException e) {
            return internalError(translation, e);
        }
    }

    /** The answer when something failed outside the translation (also used by the Camel glue). */
    HttpAnswer internalError(Translation translation, RuntimeException e) {
        String correlationId = translation == null ? null : translation.correlationId();
        String patientId = translation == null ? null : translation.patientId();
        // No message and no stack trace: an exception's text may quote the request.
        LOG.error("{} oppslag {} failed unexpectedly: {} (patient {})", OppslagFormat.ADAPTER_ID, correlationId,
                e.getClass().getName(), NationalIdentityNumber.mask(patientId));
        return new HttpAnswer(ErrorCode.INTERNAL_ERROR.httpStatus(), FeilWriter.write(ErrorCode.INTERNAL_ERROR, null,
                Outcome.FAILED, correlationId, null, patientId));
    }

    private Translation translate(HttpInbound in) {
        OppslagTranslator current = translator;
        if (!isJson(in.contentType())) {
            return current.refuse(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        return current.translate(in.body(), in.contentLength(), in.userToken());
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static HttpAnswer render(LookupOutcome outcome, Translation translation) {
        if (outcome.isAllowed()) {
            return new HttpAnswer(200, SvarWriter.write(outcome));
        }
        ErrorCode error = outcome.error() == null ? ErrorCode.INTERNAL_ERROR : outcome.error();
        String correlationId = outcome.correlationId() == null ? translation.correlationId() : outcome.correlationId();
        return new HttpAnswer(error.httpStatus(), FeilWriter.write(error, outcome.message(), outcome.outcome(),
                correlationId, outcome.auditReference(), translation.patientId()));
    }
}
