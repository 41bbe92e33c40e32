package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * Turns what the parser threw into an error for the caller, in our own words: Jackson's messages may
 * quote the document, ours give only the kind of problem and where it is.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static TranslationException of(IOException e) {
        if (e instanceof BoundedInputStream.TooLarge) {
            return new TranslationException(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
        }
        if (e instanceof StreamConstraintsException) {
            return new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the JSON exceeds a limit (nesting deeper"
                    + " than " + JsonLimits.MAX_DEPTH + ", a string longer than " + JsonLimits.MAX_STRING
                    + " characters, a field name longer than " + JsonLimits.MAX_NAME + " or a number longer than "
                    + JsonLimits.MAX_NUMBER + ")");
        }
        if (e instanceof JsonProcessingException json) {
            String what = json.getOriginalMessage() != null && json.getOriginalMessage().startsWith("Duplicate field")
                    ? "a field is given twice" : "the JSON is not well-formed";
            return new TranslationException(ErrorCode.MALFORMED_MESSAGE, what + where(json.getLocation()));
        }
        return new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the body could not be read");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
