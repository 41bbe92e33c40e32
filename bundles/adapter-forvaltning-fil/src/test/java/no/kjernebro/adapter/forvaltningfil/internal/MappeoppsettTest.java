package no.kjernebro.adapter.forvaltningfil.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappeoppsettTest {

    @TempDir
    Path rot;

    @Test
    void onlyFilesDirectlyInAMunicipalityInboxBelongToIt() {
        Mappeoppsett mapper = new Mappeoppsett(rot);

        assertThat(mapper.kommuneFor(rot.resolve("5601/inn/a.json"))).contains("5601");
        assertThat(mapper.kommuneFor(rot.resolve("5601/ut/a.json"))).isEmpty();
        assertThat(mapper.kommuneFor(rot.resolve("alta/inn/a.json"))).isEmpty();
        assertThat(mapper.kommuneFor(rot.resolve("5601/inn/sub/a.json"))).isEmpty();
        assertThat(mapper.kommuneFor(rot.resolve("../5601/inn/a.json"))).isEmpty();
    }

    @Test
    void municipalitiesAreTheFourDigitFolders() throws Exception {
        Files.createDirectories(rot.resolve("5601/inn"));
        Files.createDirectories(rot.resolve("5503"));
        Files.createDirectories(rot.resolve("alta"));
        Files.createDirectories(rot.resolve(".kjernebro"));
        Files.writeString(rot.resolve("1234"), "a file, not a folder");

        assertThat(new Mappeoppsett(rot).kommuner()).containsExactlyInAnyOrder("5601", "5503");
    }
}
