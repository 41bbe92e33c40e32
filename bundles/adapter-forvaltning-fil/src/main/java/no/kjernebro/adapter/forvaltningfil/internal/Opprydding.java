package no.kjernebro.adapter.forvaltningfil.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes processed input older than {@code keepDays} from every municipality's {@code behandlet}. Age
 * is counted from processing (the time-stamp the file was archived under), not from when the case
 * system wrote it. {@code feilet} is left alone: rejected input waits for an operator.
 */
final class Opprydding {

    private static final Logger LOG = LoggerFactory.getLogger(Opprydding.class);
    private static final int STEMPEL_LENGTH = "yyyyMMddTHHmmssSSSZ".length();

    private final Mappeoppsett mapper;
    private final int keepDays;
    private final Clock clock;

    Opprydding(Mappeoppsett mapper, int keepDays, Clock clock) {
        this.mapper = mapper;
        this.keepDays = keepDays;
        this.clock = clock;
    }

    /** @return how many files were deleted */
    int ryddOpp() throws IOException {
        if (keepDays <= 0) {
            return 0;
        }
        Instant grense = clock.instant().minus(Duration.ofDays(keepDays));
        int slettet = 0;
        for (String kommune : mapper.kommuner()) {
            Path behandlet = mapper.behandlet(kommune);
            if (!Files.isDirectory(behandlet)) {
                continue;
            }
            try (DirectoryStream<Path> filer = Files.newDirectoryStream(behandlet, Files::isRegularFile)) {
                for (Path fil : filer) {
                    if (behandlet(fil).isBefore(grense) && Files.deleteIfExists(fil)) {
                        slettet++;
                    }
                }
            }
        }
        if (slettet > 0) {
            LOG.info("forvaltning-fil: deleted {} processed request file(s) older than {} days", slettet, keepDays);
        }
        return slettet;
    }

    private static Instant behandlet(Path fil) throws IOException {
        String name = fil.getFileName().toString();
        if (name.length() > STEMPEL_LENGTH && name.charAt(STEMPEL_LENGTH) == '_') {
            try {
                return InnboksProcessor.STEMPEL.parse(name.substring(0, STEMPEL_LENGTH), Instant::from);
            } catch (DateTimeParseException e) {
                // not archived by us: fall back to the file's own time
            }
        }
        return Files.getLastModifiedTime(fil).toInstant();
    }
}
