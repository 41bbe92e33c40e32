package no.kjernebro.adapter.forvaltningfil.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import no.kjernebro.adapter.forvaltningfil.internal.json.ForvaltningFormat;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * One request file as delivered: the municipality (from its folder), its name and its content, or why
 * the content could not be read. Reading stops one byte past the limit, so a huge file costs nothing.
 *
 * @param innhold the file's bytes; null when {@code lesefeil} is set
 */
record Innlevering(String kommune, String filnavn, byte[] innhold, ErrorCode lesefeil, String lesefeilMelding) {

    static Innlevering les(Path fil, String kommune, int maxBytes) {
        String navn = fil.getFileName().toString();
        try (InputStream in = Files.newInputStream(fil)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                return new Innlevering(kommune, navn, null, ErrorCode.PAYLOAD_TOO_LARGE,
                        "the file is larger than " + maxBytes + " bytes");
            }
            return new Innlevering(kommune, navn, bytes, null, null);
        } catch (IOException e) {
            return new Innlevering(kommune, navn, null, ErrorCode.MALFORMED_MESSAGE,
                    "the file could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The name without {@code .json}: result files are named after it. */
    String stamme() {
        String suffix = ForvaltningFormat.REQUEST_SUFFIX;
        return filnavn.endsWith(suffix) ? filnavn.substring(0, filnavn.length() - suffix.length()) : filnavn;
    }
}
