package no.kjernebro.auditreview.internal.http;

import java.util.Locale;

/** The forms search results come in, chosen by the {@code format} parameter or the Accept header. */
enum ResultFormat {
    JSON("json", "application/json"),
    CSV("csv", "text/csv; charset=utf-8; header=present"),
    FHIR("fhir", "application/fhir+json");

    private final String parameter;
    private final String mediaType;

    ResultFormat(String parameter, String mediaType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    String parameter() {
        return parameter;
    }

    /** The format parameter wins over Accept; without either the answer is JSON. */
    static ResultFormat choose(String formatParameter, String accept) {
        if (formatParameter != null) {
            for (ResultFormat f : values()) {
                if (f.parameter.equalsIgnoreCase(formatParameter)) {
                    return f;
                }
            }
            throw ApiProblem.badRequest("format must be json, csv or fhir; got '" + Words.clip(formatParameter) + "'");
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        // the first acceptable range in the caller's order; q-values other than 0 are not ranked
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (excluded(parts)) {
                continue;
            }
            switch (type) {
                case "application/json", "application/*", "*/*", "*" -> {
                    return JSON;
                }
                case "text/csv", "text/*" -> {
                    return CSV;
                }
                case "application/fhir+json", "application/json+fhir" -> {
                    return FHIR;
                }
                default -> {
                    // not one of ours: try the next range
                }
            }
        }
        throw new ApiProblem(406, "Not Acceptable", "results come as application/json, text/csv or "
                + "application/fhir+json (or choose with format=json|csv|fhir)");
    }

    private static boolean excluded(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().replace(" ", "");
            if (p.equals("q=0") || p.equals("q=0.0") || p.equals("q=0.00") || p.equals("q=0.000")) {
                return true;
            }
        }
        return false;
    }
}
