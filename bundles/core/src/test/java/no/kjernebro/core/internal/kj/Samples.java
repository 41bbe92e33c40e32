package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/** Sample answers under src/test/resources/kj and small JSON helpers. */
final class Samples {

    static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    static JsonNode sample(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/kj/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Bundle holding the given resources (JSON with single quotes for readability). */
    static ObjectNode bundle(String... resources) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        var entries = bundle.putArray("entry");
        for (String r : resources) {
            entries.addObject().set("resource", json(r));
        }
        return bundle;
    }
}
