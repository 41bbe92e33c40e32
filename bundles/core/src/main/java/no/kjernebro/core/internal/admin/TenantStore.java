package no.kjernebro.core.internal.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant factory configurations in ConfigAdmin, kept in step with their {@code etc/*.cfg} files.
 *
 * <p>Karaf's fileinstall creates a named factory configuration ({@code no.kjernebro.tenant~5601}) for
 * {@code etc/no.kjernebro.tenant-5601.cfg}, remembers the file in {@code felix.fileinstall.filename},
 * and, with {@code felix.fileinstall.enableConfigSave} (Karaf's default), writes every ConfigAdmin
 * update of such a configuration back into that file, keeping its comments and layout. So an update
 * goes through ConfigAdmin (it takes effect at once) and reaches the file by itself. A new tenant
 * gets its file first, then the very configuration fileinstall would have made for it, so whichever
 * of the two comes first, there is one configuration and it survives a restart.
 */
final class TenantStore {

    static final String FILENAME = "felix.fileinstall.filename";
    private static final Logger LOG = LoggerFactory.getLogger(TenantStore.class);

    private final ConfigurationAdmin configAdmin;
    private final Path etcDir;

    /** @param etcDir where tenant files live; null keeps new tenants in ConfigAdmin's own store only */
    TenantStore(ConfigurationAdmin configAdmin, Path etcDir) {
        this.configAdmin = configAdmin;
        this.etcDir = etcDir;
    }

    Path etcDir() {
        return etcDir;
    }

    List<StoredTenant> all() {
        try {
            Configuration[] configs = configAdmin.listConfigurations(
                    "(service.factoryPid=" + TenantFile.FACTORY_PID + ")");
            List<StoredTenant> out = new ArrayList<>();
            if (configs != null) {
                for (Configuration c : configs) {
                    out.add(StoredTenant.of(c));
                }
            }
            return out;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot list tenant configurations: " + e.getMessage(), e);
        }
    }

    /** Every configuration claiming this kommunenummer (more than one is a configuration error). */
    List<StoredTenant> find(String kommunenummer) {
        List<StoredTenant> out = new ArrayList<>();
        for (StoredTenant t : all()) {
            if (kommunenummer != null && kommunenummer.equals(t.kommunenummer())) {
                out.add(t);
            }
        }
        return out;
    }

    /** The file a new tenant gets, when there is an etc folder. */
    Optional<Path> fileFor(String kommunenummer) {
        return etcDir == null ? Optional.empty() : Optional.of(etcDir.resolve(TenantFile.fileName(kommunenummer)));
    }

    void create(String kommunenummer, Map<String, String> props, String fileText) throws IOException {
        Hashtable<String, Object> dict = new Hashtable<>(props);
        Path file = fileFor(kommunenummer).orElse(null);
        if (file != null) {
            TenantFile.write(file, fileText);
            // the key fileinstall itself would use for this file, so it finds this configuration again
            dict.put(FILENAME, file.toFile().getAbsoluteFile().toURI().toString());
        } else {
            LOG.warn("No etc folder known: tenant {} is kept in ConfigAdmin's store only", kommunenummer);
        }
        try {
            configAdmin.getFactoryConfiguration(TenantFile.FACTORY_PID, kommunenummer, "?").update(dict);
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    /** Replaces some properties; the others, including the file name, stay as they are. */
    void update(StoredTenant tenant, Map<String, String> changes) throws IOException {
        Hashtable<String, Object> dict = new Hashtable<>(tenant.properties());
        dict.putAll(changes);
        tenant.configuration().update(dict);
    }

    /** Deletes the configuration and its file (fileinstall deletes files it knows of; this covers the rest). */
    void delete(StoredTenant tenant) throws IOException {
        tenant.configuration().delete();
        Path file = file(tenant);
        if (file != null && Files.deleteIfExists(file)) {
            LOG.info("Deleted {}", file);
        }
    }

    /** The file a configuration came from, if it is a file in the etc folder. */
    Path file(StoredTenant tenant) {
        Object name = tenant.properties().get(FILENAME);
        if (name == null) {
            return null;
        }
        try {
            Path file = Path.of(URI.create(name.toString()));
            // only ever delete tenant files, never whatever else a property might point at
            boolean tenantFile = file.getFileName().toString().startsWith(TenantFile.FACTORY_PID + "-")
                    && file.getFileName().toString().endsWith(".cfg");
            return tenantFile ? file : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
