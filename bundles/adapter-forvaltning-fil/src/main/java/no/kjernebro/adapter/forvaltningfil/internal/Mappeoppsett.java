package no.kjernebro.adapter.forvaltningfil.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The folder layout under the root: {@code <kommunenummer>/inn} for requests, {@code ut} for results,
 * {@code feilet} for rejected input with its error file, {@code behandlet} for processed input. The
 * folder a file arrived in says which municipality sent it; the file's API key must then match.
 */
final class Mappeoppsett {

    static final String INN = "inn";
    static final String UT = "ut";
    static final String FEILET = "feilet";
    static final String BEHANDLET = "behandlet";
    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");

    private final Path rot;

    Mappeoppsett(Path rot) {
        this.rot = rot.toAbsolutePath().normalize();
    }

    Path rot() {
        return rot;
    }

    Path inn(String kommune) {
        return rot.resolve(kommune).resolve(INN);
    }

    Path ut(String kommune) {
        return rot.resolve(kommune).resolve(UT);
    }

    Path feilet(String kommune) {
        return rot.resolve(kommune).resolve(FEILET);
    }

    Path behandlet(String kommune) {
        return rot.resolve(kommune).resolve(BEHANDLET);
    }

    /** Where the fingerprints of received files are kept (a hidden folder: never scanned as an inbox). */
    Path mottaksregister() {
        return rot.resolve(".kjernebro").resolve("mottatt.dat");
    }

    /** The municipality whose inbox holds this file, if the file lies directly in {@code <root>/<kommune>/inn}. */
    Optional<String> kommuneFor(Path fil) {
        Path relative;
        try {
            relative = rot.relativize(fil.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (relative.getNameCount() != 3 || !INN.equals(relative.getName(1).toString())) {
            return Optional.empty();
        }
        String kommune = relative.getName(0).toString();
        return KOMMUNENUMMER.matcher(kommune).matches() ? Optional.of(kommune) : Optional.empty();
    }

    /** The municipality folders present under the root. */
    List<String> kommuner() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(rot)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(rot, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (KOMMUNENUMMER.matcher(name).matches()) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
