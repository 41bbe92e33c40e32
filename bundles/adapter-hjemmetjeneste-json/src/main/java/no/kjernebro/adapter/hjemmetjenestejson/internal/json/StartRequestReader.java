package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.IOException;
import java.io.InputStream;
import com.fasterxml.jackson.databind.JsonNode;
import no.kjernebro.api.lookup.ErrorCode;

/** Reads the optional body of "start a sweep": {@code {"callbackUrl":"https://..."}} or nothing. */
public final class StartRequestReader {

    static final int MAX_BYTES = 8192;

    private StartRequestReader() {
    }

    /** @return the callback URL, or null when the body is empty or names none */
    public static String callbackUrl(InputStream body) throws TranslationException {
        JsonNode root;
        try {
            root = body == null ? null : JsonLimits.mapper().readTree(new BoundedInputStream(body, MAX_BYTES));
        } catch (IOException e) {
            throw JsonProblems.of(e);
        }
        if (root == null || root.isMissingNode()) {
            return null;
        }
        if (!root.isObject()) {
            throw new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the body must be one JSON object");
        }
        String url = new Fields(root, 2000).optional("callbackUrl");
        return url;
    }
}
