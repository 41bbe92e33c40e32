package no.kjernebro.adapter.forvaltningfil.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * Parses a request file into a JSON object tree under hard limits: strict UTF-8, bounded nesting,
 * strings, names and token count, no duplicate keys, nothing after the object. A violation becomes a
 * {@link TranslationException} whose message says what is wrong and where, without quoting content.
 */
final class HardenedJson {

    private static final int MAX_NAME_LENGTH = 64;
    private static final int MAX_NUMBER_LENGTH = 32;
    private static final int MAX_TOKENS = 4096;

    private final ObjectMapper mapper;

    HardenedJson(int maxBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(ForvaltningFormat.MAX_DEPTH)
                        .maxDocumentLength(maxBytes)
                        .maxStringLength(maxBytes)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxTokenCount(MAX_TOKENS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /** The one JSON object the file holds. */
    JsonNode parseObject(byte[] content) throws TranslationException {
        String text = utf8(content);
        if (text.isBlank()) {
            throw malformed("the file is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw malformed(constraint(e));
        } catch (JsonProcessingException e) {
            throw malformed(syntax(e));
        }
        if (root == null || !root.isObject()) {
            throw malformed("the file must hold one JSON object, not " + (root == null ? "nothing" : root.getNodeType()));
        }
        return root;
    }

    // RFC 8259: JSON exchanged between systems is UTF-8. A leading byte-order mark (Windows tools
    // write one) is tolerated; anything that is not valid UTF-8 is refused rather than guessed at.
    private static String utf8(byte[] content) throws TranslationException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw malformed("the file is not UTF-8 encoded");
        }
    }

    private static String constraint(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) {
            return "the JSON is nested deeper than " + ForvaltningFormat.MAX_DEPTH + " levels";
        }
        if (m.contains("Name length")) {
            return "a field name is longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (m.contains("Number value length")) {
            return "a number is longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        if (m.contains("Token count")) {
            return "the JSON has more than " + MAX_TOKENS + " tokens";
        }
        return "the JSON exceeds a parser limit" + where(e.getLocation());
    }

    private static String syntax(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Duplicate field") || m.startsWith("Duplicate Object property")) {
            int start = m.indexOf('\'');
            int end = m.indexOf('\'', start + 1);
            String name = start >= 0 && end > start ? m.substring(start + 1, end) : "?";
            return "duplicate field '" + shortened(name) + "'" + where(e.getLocation());
        }
        if (m.startsWith("Trailing token")) {
            return "there is content after the JSON object" + where(e.getLocation());
        }
        // Jackson's first line says what it expected; quoted parts are the file's content: drop them.
        String first = m.split("[\\r\\n]", 2)[0].replaceAll("'[^']*'", "'...'");
        return "the file is not valid JSON (" + shortened(first) + ")" + where(e.getLocation());
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String shortened(String text) {
        String masked = IdentityMasking.mask(text, null);
        return masked.length() > 120 ? masked.substring(0, 120) + "..." : masked;
    }

    private static TranslationException malformed(String message) {
        return new TranslationException(ErrorCode.MALFORMED_MESSAGE, message);
    }
}
