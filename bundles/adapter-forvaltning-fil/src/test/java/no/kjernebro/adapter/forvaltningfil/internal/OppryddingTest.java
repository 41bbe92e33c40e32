package no.kjernebro.adapter.forvaltningfil.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OppryddingTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @TempDir
    Path rot;

    @Test
    void processedInputOlderThanKeepDaysIsDeletedCountingFromProcessing() throws Exception {
        Path behandlet = Files.createDirectories(rot.resolve("5601").resolve("behandlet"));
        Path gammel = Files.writeString(behandlet.resolve("20260220T101500000Z_sak-1.json"), "{}");
        Path ny = Files.writeString(behandlet.resolve("20260330T101500000Z_sak-2.json"), "{}");
        // written by the case system long ago but processed yesterday: kept
        Files.setLastModifiedTime(ny, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Path fremmed = Files.writeString(behandlet.resolve("notert.txt"), "x");
        Files.setLastModifiedTime(fremmed, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Path feilet = Files.writeString(Files.createDirectories(rot.resolve("5601").resolve("feilet"))
                .resolve("20250101T000000000Z_x.json"), "{}");

        int slettet = new Opprydding(new Mappeoppsett(rot), 30, Clock.fixed(NOW, ZoneOffset.UTC)).ryddOpp();

        assertThat(slettet).isEqualTo(2);
        assertThat(gammel).doesNotExist();
        assertThat(fremmed).as("no time-stamp: its own modification time counts").doesNotExist();
        assertThat(ny).exists();
        assertThat(feilet).as("rejected input waits for an operator").exists();
    }

    @Test
    void keepDaysZeroKeepsEverything() throws Exception {
        Path behandlet = Files.createDirectories(rot.resolve("5601").resolve("behandlet"));
        Path gammel = Files.writeString(behandlet.resolve("20200101T000000000Z_sak-1.json"), "{}");

        assertThat(new Opprydding(new Mappeoppsett(rot), 0, Clock.fixed(NOW, ZoneOffset.UTC)).ryddOpp()).isZero();
        assertThat(gammel).exists();
    }
}
