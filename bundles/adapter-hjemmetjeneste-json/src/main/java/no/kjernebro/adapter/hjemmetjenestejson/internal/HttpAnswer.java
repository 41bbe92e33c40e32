package no.kjernebro.adapter.hjemmetjenestejson.internal;

/**
 * An HTTP status, content type and body; {@code location} for a created sweep, {@code allow} for a 405.
 */
record HttpAnswer(int status, String contentType, byte[] body, String location, String allow) {

    static HttpAnswer json(int status, byte[] body) {
        return new HttpAnswer(status, no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat.JSON,
                body, null, null);
    }

    static HttpAnswer problem(int status, byte[] body) {
        return new HttpAnswer(status,
                no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat.PROBLEM_JSON, body, null,
                null);
    }

    HttpAnswer withLocation(String path) {
        return new HttpAnswer(status, contentType, body, path, allow);
    }

    HttpAnswer withAllow(String methods) {
        return new HttpAnswer(status, contentType, body, location, methods);
    }
}
