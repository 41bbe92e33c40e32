package no.kjernebro.simulator.internal.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the dataset from a file, or the default one packaged in the bundle, and validates it. */
public final class DatasetLoader {

    /** Classpath location of the default synthetic dataset. */
    public static final String DEFAULT_RESOURCE = "simulator/dataset.json";

    // Strict on purpose: a misspelt field in a hand-edited dataset should fail activation, not vanish.
    // An absent flag (reservert, multidose, laast) simply means false.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private DatasetLoader() {
    }

    /** The dataset at {@code path}, or the packaged default when the path is null or blank. */
    public static Dataset load(String path) {
        if (path == null || path.isBlank()) {
            return loadDefault();
        }
        Path file = Path.of(path.trim());
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new DatasetException("Cannot read simulator dataset " + file + ": " + e.getMessage(), e);
        }
    }

    public static Dataset loadDefault() {
        try (InputStream in = DatasetLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DatasetException("The bundle has no default dataset at " + DEFAULT_RESOURCE);
            }
            return read(in, "bundle:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new DatasetException("Cannot read the default simulator dataset: " + e.getMessage(), e);
        }
    }

    static Dataset read(InputStream in, String source) {
        Dataset dataset;
        try {
            dataset = MAPPER.readValue(in, Dataset.class);
        } catch (IOException e) {
            // Jackson's message names the field and position; mask any identity number it quotes.
            String reason = String.valueOf(e.getMessage()).replaceAll("\\d{9}(\\d{2})", "*********$1");
            throw new DatasetException("Simulator dataset " + source + " is not valid: " + reason);
        }
        if (dataset == null) {
            throw new DatasetException("Simulator dataset " + source + " is empty");
        }
        DatasetValidator.validate(dataset, source);
        return dataset;
    }
}
