package no.kjernebro.adapter.sykehjemxml.internal;

import no.kjernebro.adapter.sykehjemxml.internal.xml.FeilmeldingWriter;
import no.kjernebro.adapter.sykehjemxml.internal.xml.IdentityMasking;
import no.kjernebro.adapter.sykehjemxml.internal.xml.OppslagTranslator;
import no.kjernebro.adapter.sykehjemxml.internal.xml.SvarWriter;
import no.kjernebro.adapter.sykehjemxml.internal.xml.Translation;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One oppslag from HTTP request to HTTP answer, without Camel. Every request, also one that could not
 * be read, goes to core, which authenticates the caller and audits; the adapter only translates both
 * ways. Nothing thrown here reaches the caller: it becomes an INTERNAL_ERROR document.
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

    int maxBytes() {
        return translator.maxBytes();
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
            LOG.info("sykehjem-xml oppslag {}: HTTP {} {}", outcome.correlationId(), answer.status(),
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
        StackTraceElement[] where = e.getStackTrace();
        // Message masked and no stack trace: an exception text may quote the request.
        LOG.error("sykehjem-xml oppslag {} failed unexpectedly: {}: {} at {}", correlationId, e.getClass().getName(),
                oneLine(IdentityMasking.mask(e.getMessage(), patientId)), where.length > 0 ? where[0] : "?");
        return new HttpAnswer(ErrorCode.INTERNAL_ERROR.httpStatus(), FeilmeldingWriter.write(ErrorCode.INTERNAL_ERROR,
                null, Outcome.FAILED, correlationId, null, patientId));
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n]+", " ");
    }

    private Translation translate(HttpInbound in) {
        OppslagTranslator current = translator;
        if (!XmlMediaType.isXml(in.contentType())) {
            return current.refuse(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/xml or text/xml");
        }
        return current.translate(in.body(), in.contentLength(), XmlMediaType.charset(in.contentType()),
                in.userToken());
    }

    private static HttpAnswer render(LookupOutcome outcome, Translation translation) {
        if (outcome.isAllowed()) {
            return new HttpAnswer(200, SvarWriter.write(outcome));
        }
        ErrorCode error = outcome.error() == null ? ErrorCode.INTERNAL_ERROR : outcome.error();
        String correlationId = outcome.correlationId() == null ? translation.correlationId() : outcome.correlationId();
        return new HttpAnswer(error.httpStatus(), FeilmeldingWriter.write(error, outcome.message(), outcome.outcome(),
                correlationId, outcome.auditReference(), translation.patientId()));
    }
}
