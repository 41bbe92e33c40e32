package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes one JSON document into a byte array, skipping null values so that absent means "not there".
 * An {@link IOException} cannot happen on a byte array; it is rethrown unchecked should it ever.
 */
final class JsonOut implements AutoCloseable {

    // always with seconds (OffsetDateTime.toString drops ":00"), so EPJ parsers see one form
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    private final JsonGenerator g;

    JsonOut() {
        try {
            g = JsonLimits.factory().createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Body {
        void write(JsonOut out) throws IOException;
    }

    static byte[] object(Body body) {
        try (JsonOut out = new JsonOut()) {
            out.g.writeStartObject();
            body.write(out);
            out.g.writeEndObject();
            out.g.flush();
            return out.bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonOut text(String name, Object value) throws IOException {
        if (value instanceof OffsetDateTime time) {
            g.writeStringField(name, TIMESTAMP.format(time));
        } else if (value != null) {
            g.writeStringField(name, value.toString());
        }
        return this;
    }

    JsonOut number(String name, long value) throws IOException {
        g.writeNumberField(name, value);
        return this;
    }

    JsonOut bool(String name, boolean value) throws IOException {
        g.writeBooleanField(name, value);
        return this;
    }

    JsonOut nullField(String name) throws IOException {
        g.writeNullField(name);
        return this;
    }

    JsonOut startObject(String name) throws IOException {
        g.writeObjectFieldStart(name);
        return this;
    }

    JsonOut startObject() throws IOException {
        g.writeStartObject();
        return this;
    }

    JsonOut endObject() throws IOException {
        g.writeEndObject();
        return this;
    }

    JsonOut startArray(String name) throws IOException {
        g.writeArrayFieldStart(name);
        return this;
    }

    JsonOut endArray() throws IOException {
        g.writeEndArray();
        return this;
    }

    JsonOut string(String value) throws IOException {
        g.writeString(value);
        return this;
    }

    JsonOut number(long value) throws IOException {
        g.writeNumber(value);
        return this;
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
