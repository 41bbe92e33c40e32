package no.kjernebro.auditreview.internal.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's patients in care: a file with one national identity number per line, blank lines and
 * {@code #} comments ignored, exported from the EPJ. It is read again when it changes. A configured
 * file that cannot be read stops the evaluation instead of counting as an empty list, which would
 * flag every lookup.
 */
final class CareRelationships {

    private static final Logger LOG = LoggerFactory.getLogger(CareRelationships.class);

    private final Path file;
    private FileTime loadedModified;
    private long loadedSize = -1;
    private Set<String> patients = Set.of();

    CareRelationships(Path file) {
        this.file = file;
    }

    /** The patients in care now. */
    synchronized Set<String> patients() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (!modified.equals(loadedModified) || size != loadedSize) {
                patients = read();
                loadedModified = modified;
                loadedSize = size;
            }
            return patients;
        } catch (IOException e) {
            throw new IllegalStateException("careRelationships.file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Set<String> read() throws IOException {
        Set<String> result = new HashSet<>();
        int invalid = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String value = line.replaceAll("\\s", "");
            if (value.isEmpty() || value.startsWith("#")) {
                continue;
            }
            if (NationalIdentityNumber.isValid(value)) {
                result.add(value);
            } else {
                invalid++;
            }
        }
        if (invalid > 0) {
            LOG.warn("{}: ignored {} lines that are not valid national identity numbers", file, invalid);
        }
        LOG.info("{}: {} patients in care", file, result.size());
        return Set.copyOf(result);
    }
}
