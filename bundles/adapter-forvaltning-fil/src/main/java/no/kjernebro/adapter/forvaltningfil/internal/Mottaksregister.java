package no.kjernebro.adapter.forvaltningfil.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Remembers every request file received, by municipality, file name and content, in Camel's
 * {@link FileIdempotentRepository} (one line per file, appended as it is registered, so it survives a
 * restart). A file is registered before it is handed to core: a lookup is made at most once per file,
 * also when Karaf stops in the middle of one (the re-delivered file is then answered DUPLICATE).
 *
 * <p>Fingerprints are hashes: file names may be chosen carelessly (an identity number in a name must
 * not end up in a second file), and the store stays ASCII, as Camel writes it in the platform charset.
 */
final class Mottaksregister implements AutoCloseable {

    /** Fingerprints kept in memory; older ones are found by scanning the store file. */
    private static final int CACHE_SIZE = 10_000;
    /** About 250,000 fingerprints; Camel then drops the oldest 1,000. */
    private static final long MAX_STORE_BYTES = 32L * 1024 * 1024;

    private final IdempotentRepository repository;

    Mottaksregister(Path store) {
        this.repository = FileIdempotentRepository.fileIdempotentRepository(store.toFile(), CACHE_SIZE, MAX_STORE_BYTES);
        this.repository.start();
    }

    /** True the first time this file (municipality, name, content) is seen; records it durably. */
    boolean forsteGang(Innlevering innlevering) {
        return repository.add(fingeravtrykk(innlevering));
    }

    static String fingeravtrykk(Innlevering innlevering) {
        return innlevering.kommune() + ":" + sha256(innlevering.filnavn().getBytes(StandardCharsets.UTF_8))
                + ":" + sha256(innlevering.innhold());
    }

    @Override
    public void close() {
        repository.stop();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
