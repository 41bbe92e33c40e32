package no.kjernebro.adapter.forvaltningfil.internal.json;

/**
 * What every result file echoes so the case system can file it: the case, the message and the
 * municipality. Fields the request did not carry in a usable form are null.
 *
 * @param correlationId {@code <saksnummer>/<meldingsId>}, as the audit record holds it
 */
public record Saksreferanse(String saksnummer, String meldingsId, String kommune, String formaal,
                            String correlationId) {
}
