package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * Reads {@code {"patients":[{"personnummer":"..."}, ...]}} as a stream: one identity number at a time,
 * so a list of any length is never in memory. Other fields of the document and of each patient (a
 * vendor's own patient id, say) are skipped within the depth limit. Problems surface as
 * {@link PatientListException} from {@link #hasNext()} or {@link #next()}.
 */
public final class PatientListReader implements Iterator<String>, AutoCloseable {

    private final JsonParser parser;
    private boolean inArray;
    private boolean done;
    private boolean sawPatients;
    private String next;

    public PatientListReader(InputStream body, long maxBytes) {
        try {
            this.parser = JsonLimits.parser(new BoundedInputStream(body, maxBytes));
        } catch (IOException e) {
            throw new PatientListException(JsonProblems.of(e));
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String value = next;
        next = null;
        return value;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // the body stream belongs to the HTTP layer
        }
    }

    private String advance() {
        try {
            if (!inArray && !enterPatients()) {
                done = true;
                return null;
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                inArray = false;
                finishDocument();
                done = true;
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw invalid("each entry of patients must be an object with personnummer");
            }
            return patient();
        } catch (IOException e) {
            throw new PatientListException(JsonProblems.of(e));
        } catch (TranslationException e) {
            throw new PatientListException(e);
        }
    }

    // Moves to the first element of "patients"; false when the document has none (an empty list is valid).
    private boolean enterPatients() throws IOException, TranslationException {
        if (parser.currentToken() == null) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the body must be one JSON object");
            }
        }
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("patients".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw invalid("patients must be an array");
                }
                sawPatients = true;
                inArray = true;
                return true;
            }
            parser.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("the body must be one JSON object");
        }
        endOfInput();
        if (!sawPatients) {
            throw invalid("missing field patients");
        }
        return false;
    }

    private void finishDocument() throws IOException, TranslationException {
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            if ("patients".equals(parser.currentName())) {
                throw malformed("a field is given twice");
            }
            parser.nextToken();
            parser.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("the body must be one JSON object");
        }
        endOfInput();
    }

    private void endOfInput() throws IOException, TranslationException {
        if (parser.nextToken() != null) {
            throw malformed("nothing may follow the JSON object");
        }
    }

    private String patient() throws IOException, TranslationException {
        String personnummer = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("personnummer".equals(name)) {
                if (value != JsonToken.VALUE_STRING) {
                    throw invalid("personnummer must be a string");
                }
                personnummer = parser.getText().strip();
            } else {
                parser.skipChildren();
            }
        }
        if (personnummer == null || personnummer.isEmpty()) {
            throw invalid("an entry of patients has no personnummer");
        }
        return personnummer;
    }

    private TranslationException invalid(String message) {
        return new TranslationException(ErrorCode.INVALID_REQUEST, message + where());
    }

    private TranslationException malformed(String message) {
        return new TranslationException(ErrorCode.MALFORMED_MESSAGE, message + where());
    }

    private String where() {
        var location = parser.currentLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
