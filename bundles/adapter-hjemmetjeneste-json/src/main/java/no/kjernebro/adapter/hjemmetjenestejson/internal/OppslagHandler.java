package no.kjernebro.adapter.hjemmetjenestejson.internal;

import no.kjernebro.adapter.hjemmetjenestejson.internal.json.IdentityMasking;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.OppslagTranslator;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.ProblemWriter;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.SvarWriter;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.Translation;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lookup from a handheld, from HTTP request to HTTP answer, without Camel. Every request, also one
 * that could not be read, goes to core, which authenticates the caller and audits; nothing thrown here
 * reaches the caller except as an INTERNAL_ERROR problem.
 */
final class OppslagHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OppslagHandler.class);

    private final LookupService lookupService;
    private volatile OppslagTranslator translator;

    OppslagHandler(LookupService lookupService, int maxBytes) {
        this.lookupService = lookupService;
        this.translator = new OppslagTranslator(maxBytes);
    }

    void maxBytes(int maxBytes) {
        translator = new OppslagTranslator(maxBytes);
    }

    HttpAnswer handle(HttpInbound in) {
        Translation translation = null;
        try {
            CallerCredential credential = CallerCredential.fromHeaders(in.authorization(), in.apiKey());
            OppslagTranslator current = translator;
            translation = JsonMediaType.isJson(in.contentType())
                    ? current.translate(in.body(), in.contentLength(), in.userToken())
                    : current.refuse(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json (UTF-8)");
            LookupOutcome outcome = translation instanceof Translation.Accepted accepted
                    ? lookupService.lookup(credential, accepted.request())
                    : lookupService.reject(credential, ((Translation.Rejected) translation).rejected());
            if (outcome == null) {
                throw new IllegalStateException("LookupService returned no outcome");
            }
            HttpAnswer answer = outcome.isAllowed() ? HttpAnswer.json(200, SvarWriter.write(outcome))
                    : refusal(outcome, translation);
            LOG.info("hjemmetjeneste-json oppslag {}: HTTP {} {}", outcome.correlationId(), answer.status(),
                    outcome.isAllowed() ? "ALLOWED" : outcome.error());
            return answer;
        } catch (RuntimeException e) {
            return internalError(translation == null ? null : translation.correlationId(), e);
        }
    }

    static HttpAnswer internalError(String correlationId, RuntimeException e) {
        StackTraceElement[] where = e.getStackTrace();
        // masked, one line, no stack trace: an exception text may quote the request
        LOG.error("hjemmetjeneste-json request {} failed unexpectedly: {}: {} at {}", correlationId,
                e.getClass().getName(), oneLine(IdentityMasking.mask(e.getMessage())), where.length > 0 ? where[0] : "?");
        ErrorCode error = ErrorCode.INTERNAL_ERROR;
        return HttpAnswer.problem(error.httpStatus(), ProblemWriter.write(error.name(), error.httpStatus(),
                error.description(), null, null, correlationId, null));
    }

    private static HttpAnswer refusal(LookupOutcome outcome, Translation translation) {
        ErrorCode error = outcome.error() == null ? ErrorCode.INTERNAL_ERROR : outcome.error();
        String correlationId = outcome.correlationId() == null ? translation.correlationId() : outcome.correlationId();
        return HttpAnswer.problem(error.httpStatus(), ProblemWriter.write(error.name(), error.httpStatus(),
                error.description(), outcome.message(), outcome.outcome() == null ? null : outcome.outcome().name(),
                correlationId, outcome.auditReference()));
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n]+", " ");
    }
}
