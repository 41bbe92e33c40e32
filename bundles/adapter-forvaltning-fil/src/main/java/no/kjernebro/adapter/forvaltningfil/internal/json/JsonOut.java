package no.kjernebro.adapter.forvaltningfil.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Result documents: pretty-printed UTF-8 JSON; absent values are left out rather than written as null. */
final class JsonOut {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOut() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void put(ObjectNode node, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Boolean b) {
            node.put(name, b);
        } else if (value instanceof Integer i) {
            node.put(name, i);
        } else {
            node.put(name, value.toString());
        }
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header every result carries, so the case system can file it under the right case. */
    static ObjectNode header(Saksreferanse sak, String status, String innfil) {
        ObjectNode out = object();
        put(out, "meldingsId", sak.meldingsId());
        put(out, "saksnummer", sak.saksnummer());
        put(out, "kommune", sak.kommune());
        put(out, "formaal", sak.formaal());
        put(out, "status", status);
        put(out, "korrelasjonsId", sak.correlationId());
        put(out, "innfil", innfil);
        return out;
    }
}
