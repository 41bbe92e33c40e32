package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON parser configuration of the adapter: shallow nesting, short strings and names, short
 * numbers, duplicate keys refused, nothing after the document. The byte bound is applied to the stream
 * ({@link BoundedInputStream}) so that it also holds for chunked bodies.
 */
public final class JsonLimits {

    /** A lookup is 3 levels deep, a patient list 3; 16 leaves room for vendor additions. */
    public static final int MAX_DEPTH = 16;
    public static final int MAX_STRING = 4096;
    public static final int MAX_NAME = 128;
    public static final int MAX_NUMBER = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_NAME)
                    .maxNumberLength(MAX_NUMBER)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private JsonLimits() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    /** For reading whole (small) documents into a tree. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static JsonParser parser(java.io.InputStream in) throws java.io.IOException {
        return FACTORY.createParser(in);
    }
}
