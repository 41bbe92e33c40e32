package no.kjernebro.adapter.forvaltningfil.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a result file so that a reader sees it complete or not at all: the bytes go to a hidden
 * {@code .<name>.tmp} in the same folder, are forced to disk, and the file is then renamed atomically.
 * An existing result is never replaced (the case system may not have collected it yet): the new one
 * gets the processing time-stamp in its name instead.
 */
final class ResultatSkriver {

    private ResultatSkriver() {
    }

    /**
     * @param stamme the name before the suffix, e.g. the request's name without {@code .json}
     * @param suffix {@code .svar.json} or {@code .feil.json}
     * @param tidsstempel used in the name when {@code stamme + suffix} is taken
     * @return the file written
     */
    static Path skriv(Path mappe, String stamme, String suffix, byte[] innhold, String tidsstempel) throws IOException {
        Files.createDirectories(mappe);
        Path tmp = mappe.resolve("." + stamme + suffix + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(innhold);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Path target = mappe.resolve(stamme + suffix);
        if (Files.exists(target)) {
            target = mappe.resolve(stamme + "." + tidsstempel + suffix);
        }
        try {
            return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
