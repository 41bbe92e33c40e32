package no.kjernebro.core.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code etc/no.kjernebro.tenant-<kommunenummer>.cfg} file of a tenant added from the shell, in
 * the same shape as the hand-written ones. It is written in one atomic move so that fileinstall,
 * which polls the folder, never reads half a file.
 */
final class TenantFile {

    static final String FACTORY_PID = "no.kjernebro.tenant";

    private TenantFile() {
    }

    static String fileName(String kommunenummer) {
        return FACTORY_PID + "-" + kommunenummer + ".cfg";
    }

    /**
     * @param keyFileAsWritten the key file path for the file, e.g. with {@code ${karaf.etc}} in front
     */
    static String render(Map<String, String> props, String keyFileAsWritten, String operator, Instant time) {
        StringBuilder b = new StringBuilder();
        b.append("# Kjernebro tenant: ").append(escape(props.get(TenantProperties.NAME))).append('\n');
        b.append("# Added with kjernebro:tenant-add by ").append(escape(operator)).append(" at ").append(time).append(".\n");
        b.append("# Change it with the kjernebro:* shell commands or by editing this file; either takes effect at\n");
        b.append("# once and is kept here. Keys are described in docs/operations.md and the demo tenant files.\n\n");
        line(b, TenantProperties.KOMMUNENUMMER, props.get(TenantProperties.KOMMUNENUMMER));
        line(b, TenantProperties.ORGNR, props.get(TenantProperties.ORGNR));
        line(b, TenantProperties.NAME, props.get(TenantProperties.NAME));
        line(b, TenantProperties.ENABLED, props.get(TenantProperties.ENABLED));
        b.append("\n# Adapter ids this municipality may call through (comma list).\n");
        line(b, TenantProperties.ADAPTERS, props.get(TenantProperties.ADAPTERS));
        b.append('\n');
        line(b, TenantProperties.CLIENT_ID, props.get(TenantProperties.CLIENT_ID));
        line(b, TenantProperties.KEY_FILE, keyFileAsWritten);
        b.append("\n# Lowercase hex SHA-256 of each API key the municipality's EPJ systems may present (comma list).\n");
        line(b, TenantProperties.CREDENTIALS, props.get(TenantProperties.CREDENTIALS));
        b.append("\n# Access policy overrides (empty: the national defaults).\n");
        line(b, TenantProperties.POLICY, props.get(TenantProperties.POLICY));
        return b.toString();
    }

    /** Writes the file next to its final place and moves it in, so it appears complete or not at all. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        // escape() leaves only ASCII, which reads the same in fileinstall's ISO-8859-1 and in any editor
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(" = ").append(escape(value == null ? "" : value)).append('\n');
    }

    /** Properties-file escaping for a value: backslashes doubled, anything but printable ASCII as \\uXXXX. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
