package no.kjernebro.adapter.forvaltningfil.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** The case system's side of the folders in tests: drop requests the documented way, read results. */
final class Mapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path rot;
    final Path inn;
    final Path ut;
    final Path feilet;
    final Path behandlet;

    Mapper(Path rot, String kommune) throws IOException {
        this.rot = rot;
        this.inn = Files.createDirectories(rot.resolve(kommune).resolve("inn"));
        this.ut = rot.resolve(kommune).resolve("ut");
        this.feilet = rot.resolve(kommune).resolve("feilet");
        this.behandlet = rot.resolve(kommune).resolve("behandlet");
    }

    /** Writes {@code <name>.tmp}, then renames it to {@code <name>.json}: the documented protocol. */
    Path drop(String name, byte[] content) throws IOException {
        Path tmp = Files.write(inn.resolve(name + ".tmp"), content);
        return Files.move(tmp, inn.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for something the route does asynchronously; a generous bound, not a timing assertion. */
    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
