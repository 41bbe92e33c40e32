package no.kjernebro.core.internal.kj;

import java.util.HashMap;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.ObjectHelper;

/**
 * Sends one request through a kj- route and returns status and body. Anything that kept the call
 * from getting an answer (refused connection, timeout, DNS) is KJERNEJOURNAL_UNAVAILABLE; the
 * status mapping is left to the caller because it differs per endpoint.
 */
final class KjHttp {

    /** One answer. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ProducerTemplate template;

    KjHttp(ProducerTemplate template) {
        this.template = template;
    }

    /**
     * @param what a short name of the operation for messages (never patient data)
     * @param headers HTTP headers to send; nothing else travels with the request
     */
    Answer call(String route, String what, Map<String, Object> headers, String body) throws KjernejournalException {
        Exchange answer;
        try {
            answer = template.send(route, exchange -> {
                exchange.getIn().setHeaders(new HashMap<>(headers));
                exchange.getIn().setBody(body);
            });
        } catch (RuntimeException e) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                    what + ": " + describe(e), e);
        }
        if (answer.getException() != null) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                    what + ": " + describe(answer.getException()), answer.getException());
        }
        Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE,
                    what + ": no HTTP status in the answer");
        }
        return new Answer(status, answer.getMessage().getBody(String.class));
    }

    // The root cause says what happened (e.g. SocketTimeoutException: Read timed out); Camel's wrappers do not.
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (ObjectHelper.isEmpty(root.getMessage()) ? "" : ": " + root.getMessage());
    }
}
