package ${package}.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * JSON parsing for untrusted input: bounded nesting, string, name and number lengths (checked while
 * parsing, before anything is built), duplicate keys refused (a second "fodselsnummer" must never
 * quietly win), nothing after the document. Parser messages are not passed on: they quote the input.
 */
final class StrictJson {

    static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(4096)
                    .maxNameLength(128)
                    .maxNumberLength(32)
                    .build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    static ObjectNode parseObject(byte[] body) throws TranslationException {
        if (body.length == 0) {
            throw malformed("the message body is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(describe(e));
        } catch (IOException e) {
            throw malformed("the message is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the message must be one JSON object");
        }
        return (ObjectNode) root;
    }

    // Only the kind of problem and where: the parser's own text may quote the input.
    private static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return "the JSON exceeds a limit (nesting deeper than " + MAX_DEPTH
                    + ", or a string, name or number too long)";
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            return "the JSON has a duplicate key";
        }
        return "the message is not valid JSON" + (e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }

    private static TranslationException malformed(String message) {
        return new TranslationException(ErrorCode.MALFORMED_MESSAGE, message);
    }
}
