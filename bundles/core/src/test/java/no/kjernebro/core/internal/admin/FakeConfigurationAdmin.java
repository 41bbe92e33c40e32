package no.kjernebro.core.internal.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** An in-memory ConfigAdmin with R7 named factory configurations, enough for the tenant store. */
final class FakeConfigurationAdmin implements ConfigurationAdmin {

    final Map<String, FakeConfiguration> configurations = new LinkedHashMap<>();
    /** when set, update() and delete() throw it */
    IOException failure;

    /** Adds a stored configuration as fileinstall would have from etc/no.kjernebro.tenant-<name>.cfg. */
    FakeConfiguration put(String factoryPid, String name, Map<String, Object> props) {
        FakeConfiguration c = new FakeConfiguration(factoryPid + "~" + name, factoryPid);
        c.properties = dictionary(c, props);
        configurations.put(c.pid, c);
        return c;
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configurations.computeIfAbsent(factoryPid + "~" + name, pid -> new FakeConfiguration(pid, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, null);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        return createFactoryConfiguration(factoryPid, null);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        FakeConfiguration c = new FakeConfiguration(factoryPid + "." + UUID.randomUUID(), factoryPid);
        configurations.put(c.pid, c);
        return c;
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, p -> new FakeConfiguration(p, null));
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> out = new ArrayList<>();
        for (FakeConfiguration c : configurations.values()) {
            // like ConfigAdmin: configurations never updated have no properties and are not listed
            if (c.properties != null && (f == null || f.match(c.properties))) {
                out.add(c);
            }
        }
        return out.isEmpty() ? null : out.toArray(new Configuration[0]);
    }

    private static Hashtable<String, Object> dictionary(FakeConfiguration c, Map<String, ?> props) {
        Hashtable<String, Object> d = new Hashtable<>(props);
        d.put("service.pid", c.pid);
        if (c.factoryPid != null) {
            d.put("service.factoryPid", c.factoryPid);
        }
        return d;
    }

    final class FakeConfiguration implements Configuration {
        final String pid;
        final String factoryPid;
        Hashtable<String, Object> properties;
        int updates;

        FakeConfiguration(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        Map<String, Object> map() {
            return properties == null ? null : new LinkedHashMap<>(properties);
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties == null ? null : new Hashtable<>(properties);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> props) throws IOException {
            if (failure != null) {
                throw failure;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                m.put(key, props.get(key));
            }
            properties = dictionary(this, m);
            updates++;
        }

        @Override
        public void delete() throws IOException {
            if (failure != null) {
                throw failure;
            }
            configurations.remove(pid);
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public void update() {
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> props) throws IOException {
            update(props);
            return true;
        }

        @Override
        public void setBundleLocation(String location) {
        }

        @Override
        public String getBundleLocation() {
            return null;
        }

        @Override
        public long getChangeCount() {
            return updates;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
        }
    }
}
