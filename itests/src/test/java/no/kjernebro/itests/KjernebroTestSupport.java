package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.framework.ServiceReference;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the Kjernebro distribution (karaf-assembly) once per test class, offline against the local
 * Maven repository, on free ports, and gives tests real HTTP access to the adapter and simulator.
 */
public abstract class KjernebroTestSupport {

    /** Ports are chosen on the driver side and handed to the container as system properties. */
    static final String HTTP_PORT = "kjernebro.itest.http.port";
    static final String SIM_PORT = "kjernebro.itest.simulator.port";
    static final String AUDIT_PORT = "kjernebro.itest.audit.port";

    @Inject
    protected BundleContext bundleContext;

    @Rule
    public final TestWatcher dumpLogOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            Path log = Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
            try {
                List<String> lines = Files.readAllLines(log);
                System.err.println("==== karaf.log (last 300 lines) after " + description + " ====");
                lines.subList(Math.max(0, lines.size() - 300), lines.size()).forEach(System.err::println);
            } catch (IOException io) {
                System.err.println("could not read " + log + ": " + io);
            }
        }
    };

    @Configuration
    public Option[] config() {
        String httpPort = Integer.toString(freePort());
        String simPort = Integer.toString(freePort());
        String auditPort = Integer.toString(freePort());
        String sim = "http://localhost:" + simPort;
        String localRepo = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        String karafVersion = System.getProperty("karaf.version");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + System.getProperty("kjernebro.distribution"))
                        .name("Kjernebro")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                CoreOptions.systemTimeout(180_000),
                // the test probe waits for Pax Exam's own services while the features still install;
                // its 10 s default is too short on a loaded machine
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
                systemProperty("pax.exam.service.timeout").value("120000"),
                systemProperty(HTTP_PORT).value(httpPort),
                systemProperty(SIM_PORT).value(simPort),
                systemProperty(AUDIT_PORT).value(auditPort),
                editConfigurationFilePut("etc/no.kjernebro.auditreview.cfg", "http.port", auditPort),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/no.kjernebro.runtime.cfg", "http.port", httpPort),
                editConfigurationFilePut("etc/no.kjernebro.simulator.cfg", "port", simPort),
                editConfigurationFilePut("etc/no.kjernebro.simulator.cfg", "issuer", sim),
                editConfigurationFilePut("etc/no.kjernebro.kjernejournal.cfg", "helseid.tokenUrl", sim + "/connect/token"),
                editConfigurationFilePut("etc/no.kjernebro.kjernejournal.cfg", "kj.baseUrl", sim),
                editConfigurationFilePut("etc/no.kjernebro.kjernejournal.cfg", "helseid.issuer", sim),
                // fault tests wait for the circuit breaker to let a probe through: keep that short
                editConfigurationFilePut("etc/no.kjernebro.kjernejournal.cfg", "breaker.openSeconds", "5"),
                editConfigurationFilePut("etc/no.kjernebro.audit.cfg", "forward.url", sim + "/fhir/AuditEvent"),
                editConfigurationFilePut("etc/no.kjernebro.audit.cfg", "forward.intervalMs", "500")));
        options.addAll(jdk17Flags(karafVersion));
        return options.toArray(new Option[0]);
    }

    /** What bin/karaf passes on JDK 9+; Pax Exam starts the JVM itself, so the tests must pass them. */
    private static List<Option> jdk17Flags(String karafVersion) {
        List<Option> flags = new ArrayList<>();
        for (String flag : new String[] {
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*" + File.pathSeparator + "lib/endorsed/*"
        }) {
            flags.add(new VMOption(flag));
        }
        return flags;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    protected int httpPort() {
        return Integer.getInteger(HTTP_PORT);
    }

    protected int auditPort() {
        return Integer.getInteger(AUDIT_PORT);
    }

    protected int simulatorPort() {
        return Integer.getInteger(SIM_PORT);
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle not installed: " + symbolicName);
    }

    /**
     * The committed audit record with this reference, read straight from the audit database the
     * distribution uses; column names in lower case, SQL NULL as "".
     */
    protected Map<String, String> auditRecord(String reference) throws Exception {
        assertNotNull("an audit reference", reference);
        List<Map<String, String>> rows = auditRows("SELECT * FROM kjb_audit_record WHERE reference = ?", reference);
        assertEquals("record " + reference + " committed", 1, rows.size());
        Map<String, String> row = new HashMap<>();
        rows.get(0).forEach((k, v) -> row.put(k, v == null ? "" : v));
        return row;
    }

    /** Rows of the audit database, column names in lower case, values as text (SQL NULL stays null). */
    protected List<Map<String, String>> auditRows(String sql, String... params) throws Exception {
        Collection<ServiceReference<DataSource>> refs =
                bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=kjernebro-audit)");
        assertFalse("audit DataSource registered", refs.isEmpty());
        ServiceReference<DataSource> ref = refs.iterator().next();
        DataSource ds = bundleContext.getService(ref);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } finally {
            bundleContext.ungetService(ref);
        }
    }
}
