package no.kjernebro.core.internal.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import no.kjernebro.api.admin.NewTenant;
import no.kjernebro.core.internal.tenant.InvalidTenantException;
import no.kjernebro.core.internal.tenant.TenantParser;
import no.kjernebro.core.internal.tenant.TenantSettings;

/**
 * Validates what an operator gives for a new municipality with the same rules the tenant component
 * applies (so a tenant that passes here is in service once added) plus the rules of the file it is
 * written to: no control characters, no {@code ${...}} placeholders, adapter ids in their usual form.
 */
final class NewTenantCheck {

    static final Pattern ADAPTER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final String KARAF_ETC = "${karaf.etc}";

    private final Path baseDir;
    private final Path etcDir;

    /**
     * @param baseDir relative key file paths are resolved against it (Karaf's base folder)
     * @param etcDir a key file under it is written as {@code ${karaf.etc}/...}, like the demo files; may be null
     */
    NewTenantCheck(Path baseDir, Path etcDir) {
        this.baseDir = baseDir;
        this.etcDir = etcDir;
    }

    /** The outcome: properties for ConfigAdmin, the key file as the file shows it, and every problem found. */
    record Result(Map<String, String> properties, String keyFileAsWritten, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    Result check(NewTenant t) {
        List<String> problems = new ArrayList<>();
        if (t == null) {
            return new Result(Map.of(), null, List.of("no tenant given"));
        }
        String kommunenummer = trim(t.kommunenummer());
        String name = trim(t.name());
        String clientId = trim(t.helseIdClientId());
        List<String> credentials = t.credentialSha256().stream()
                .map(c -> c == null ? "" : c.trim().toLowerCase(Locale.ROOT)).toList();
        for (String id : t.adapters()) {
            if (id == null || !ADAPTER_ID.matcher(id).matches()) {
                problems.add("adapter id '" + id + "' is not of the form " + ADAPTER_ID.pattern());
            }
        }
        Path keyFile;
        try {
            keyFile = keyFile(t.helseIdKeyFile());
        } catch (java.nio.file.InvalidPathException e) {
            problems.add("helseid.keyFile is not a valid path: " + e.getMessage());
            keyFile = null;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put(TenantProperties.KOMMUNENUMMER, kommunenummer);
        props.put(TenantProperties.ORGNR, trim(t.orgnr()));
        props.put(TenantProperties.NAME, name == null || name.isEmpty() ? "Kommune " + kommunenummer : name);
        props.put(TenantProperties.ENABLED, "true");
        props.put(TenantProperties.ADAPTERS, String.join(",", t.adapters().stream().sorted().toList()));
        props.put(TenantProperties.CLIENT_ID, clientId);
        props.put(TenantProperties.KEY_FILE, keyFile == null ? null : keyFile.toString());
        props.put(TenantProperties.CREDENTIALS, String.join(",", credentials));
        props.put(TenantProperties.POLICY, "");
        props.forEach((key, value) -> {
            if (value != null && (value.chars().anyMatch(Character::isISOControl) || value.contains("${"))) {
                problems.add(key + " must not contain control characters or ${...} placeholders");
            }
        });
        try {
            TenantParser.parse(new TenantSettings(kommunenummer, props.get(TenantProperties.ORGNR), name, true,
                    t.adapters().toArray(new String[0]), clientId, props.get(TenantProperties.KEY_FILE),
                    credentials.toArray(new String[0]), new String[0]));
        } catch (InvalidTenantException e) {
            problems.addAll(Arrays.asList(e.getMessage().split("; ")));
        }
        props.values().removeIf(v -> v == null);
        return new Result(props, keyFile == null ? null : asWritten(keyFile), List.copyOf(problems));
    }

    private Path keyFile(String given) {
        String path = trim(given);
        if (path == null || path.isEmpty()) {
            return null;
        }
        if (path.startsWith(KARAF_ETC) && etcDir != null) {
            path = etcDir + path.substring(KARAF_ETC.length());
        }
        Path p = Path.of(path);
        return (p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p)).normalize();
    }

    private String asWritten(Path keyFile) {
        if (etcDir != null && keyFile.startsWith(etcDir)) {
            return KARAF_ETC + "/" + etcDir.relativize(keyFile).toString().replace('\\', '/');
        }
        return keyFile.toString();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
