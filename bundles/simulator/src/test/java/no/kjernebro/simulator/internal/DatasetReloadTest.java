package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.kjernebro.simulator.internal.dataset.DatasetLoader;
import org.junit.jupiter.api.Test;

/** {@code POST /sim/dataset/reload}: the configured file again, validated before it replaces the old one. */
class DatasetReloadTest extends SimulatorTestSupport {

    private Path datasetFile;

    @Override
    protected SimulatorSettings customise(SimulatorSettings settings) {
        try {
            datasetFile = Files.createTempFile("sim-dataset", ".json");
            Files.writeString(datasetFile, packagedDataset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings.withDatasetPath(datasetFile.toString());
    }

    @Test
    void aValidFileReplacesTheDatasetAndAnInvalidOneIsRefusedKeepingTheOld() throws Exception {
        String token = systemToken(ORGNR_ALTA);
        assertThat(json(helseindikator(token, "21874614847")).get("status").asInt()).isEqualTo(2);

        // Astrid Pedersen reserves herself against kjernejournal.
        Files.writeString(datasetFile, packagedDataset().replace("\"fnr\": \"21874614847\",",
                "\"fnr\": \"21874614847\",\n      \"reservert\": true,"));
        HttpResponse<String> reloaded = postJson("/sim/dataset/reload", "", null);
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        assertThat(json(reloaded).get("pasienter").asInt()).isEqualTo(26);
        assertThat(json(helseindikator(token, "21874614847")).get("status").asInt()).isEqualTo(1);

        Files.writeString(datasetFile, packagedDataset().replace("\"kategori\": \"ALLERGI\"", "\"kategori\": \"ALLERGIER\""));
        HttpResponse<String> refused = postJson("/sim/dataset/reload", "", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).isEqualTo("invalid_dataset");
        assertThat(json(refused).get("error_description").asText()).contains("kritiskInfo[0].kategori 'ALLERGIER'");
        assertThat(json(helseindikator(token, "21874614847")).get("status").asInt()).isEqualTo(1); // old one kept

        Files.writeString(datasetFile, "{ not json");
        assertThat(postJson("/sim/dataset/reload", "", null).statusCode()).isEqualTo(400);
        assertThat(simulator.dataset().pasienter()).hasSize(26);
    }

    private static String packagedDataset() throws IOException {
        try (InputStream in = DatasetLoader.class.getClassLoader().getResourceAsStream(DatasetLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
