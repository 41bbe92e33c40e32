package no.kjernebro.adapter.sykehjemxml.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The examples in docs/adapters/examples stay true: they validate, and requests translate. */
class DocumentedExamplesTest {

    private static final Path EXAMPLES = Path.of("../../docs/adapters/examples");

    @Test
    void everyExampleValidatesAgainstTheSchema() throws IOException {
        List<Path> examples = examples();

        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (Path example : examples) {
            Xsd.validate(Files.readAllBytes(example));
        }
    }

    @Test
    void everyRequestExampleTranslatesToALookup() throws IOException {
        OppslagTranslator translator = new OppslagTranslator(OppslagFormat.DEFAULT_MAX_BYTES);
        for (Path example : examples()) {
            if (example.getFileName().toString().startsWith("sykehjem-oppslag")) {
                Translation t = translator.translate(new ByteArrayInputStream(Files.readAllBytes(example)), null, null,
                        null);
                assertThat(t).as(example.toString()).isInstanceOf(Translation.Accepted.class);
            }
        }
    }

    private static List<Path> examples() throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "docs are not next to the module");
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
