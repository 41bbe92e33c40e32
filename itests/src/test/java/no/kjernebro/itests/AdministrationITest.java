package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.sql.DataSource;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Runtime enablement per municipality in the booted distribution: an operator enables and disables
 * an adapter for Lyngen from the Karaf shell while Alta keeps sending lookups; the change takes
 * effect without a restart, reaches Lyngen's etc file and the audit trail, and Alta sees no failure.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdministrationITest extends KjernebroTestSupport {

    private static final String ADAPTER = "sykehjem-xml";

    @Inject
    private TenantAdministration administration;

    @Inject
    private SessionFactory sessionFactory;

    private String nurseToken;

    @Before
    public void ready() throws Exception {
        Await.until("simulator answers", () -> Http.get("http://localhost:" + simulatorPort() + "/jwks").statusCode() == 200);
        nurseToken = Demo.userToken(simulatorPort(), Demo.NURSE_HPR);
        Await.until("adapter route answers", () -> Http.get("http://localhost:" + httpPort()
                + "/kjernebro/sykehjem-xml/v1/oppslag").statusCode() == 405);
        // commands are registered once the shell bundle's references are satisfied; the ACL hides them from
        // anyone but an admin, so ask as one
        Await.until("kjernebro commands registered", () -> bundle("no.kjernebro.shell").getState() == Bundle.ACTIVE
                && shellAs("admin", "kjernebro:tenant-list").contains("5601"));
    }

    @Test
    public void enablingAnAdapterForLyngenTakesEffectAtOnceWhileAltaKeepsWorking() throws Exception {
        assertEquals("ADAPTER_NOT_ENABLED", code(lookup(Demo.LYNGEN, Demo.LYNGEN_ORGNR, Demo.LYNGEN_KEY)));
        java.util.Set<String> altaAdapters = administration.tenant(Demo.ALTA).orElseThrow().adapters();

        AltaLoad alta = new AltaLoad();
        alta.start();
        try {
            Await.until("Alta's first lookups", () -> alta.ok.get() >= 3);

            String enabled = shellAs("admin", "kjernebro:adapter-enable 5536 " + ADAPTER);
            long enabledAt = System.nanoTime();
            assertTrue(enabled, enabled.contains("Adapter sykehjem-xml enabled for 5536 (Lyngen kommune) by admin"));
            long firstSuccessMs = untilLyngen(200, enabledAt);
            System.out.println("Lyngen served from a request sent " + firstSuccessMs + " ms after adapter-enable returned");
            Await.until("etc file shows the adapter", () -> etcFile("5536").contains("adapters = " + ADAPTER));
            String list = shellAs("admin", "kjernebro:tenant-list");
            assertTrue(list, list.lines().anyMatch(l -> l.startsWith("5536") && l.contains(ADAPTER)));

            // the API the shell sits on, with another operator name
            TenantInfo lyngen = administration.disableAdapter(Demo.LYNGEN, ADAPTER, "itest-operator");
            long disabledAt = System.nanoTime();
            assertFalse(lyngen.adapters().contains(ADAPTER));
            long firstRefusalMs = untilLyngen(403, disabledAt);
            System.out.println("Lyngen refused from a request sent " + firstRefusalMs + " ms after adapter-disable returned");
            assertEquals("ADAPTER_NOT_ENABLED", code(lookup(Demo.LYNGEN, Demo.LYNGEN_ORGNR, Demo.LYNGEN_KEY)));
            Await.until("etc file shows no adapter", () -> etcFile("5536").lines().anyMatch(l -> l.matches("adapters\\s*=\\s*")));
            // the operator's comments in the file survive the write-back
            assertTrue(etcFile("5536").contains("# The four-digit kommunenummer"));
            assertTrue(etcFile("5536").contains("${karaf.etc}/kjernebro/keys/helseid-5536.pem"));
            int okSoFar = alta.ok.get();
            Await.until("more Alta lookups after the changes", () -> alta.ok.get() >= okSoFar + 3);
        } finally {
            alta.stop();
        }
        System.out.println("Alta during the changes: " + alta.ok.get() + " ok, " + alta.failed.get() + " failed");
        assertEquals("Alta failures (first: " + alta.firstFailure.get() + ")", 0, alta.failed.get());
        assertTrue(alta.ok.get() > 0);
        assertEquals("Alta's adapters untouched", altaAdapters, administration.tenant(Demo.ALTA).orElseThrow().adapters());

        List<Map<String, String>> records = administrationRecords(Demo.LYNGEN);
        Map<String, String> enable = records.stream().filter(r -> "ADAPTER_ENABLED".equals(r.get("reason_code")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no ADAPTER_ENABLED record in " + records));
        assertEquals("ALLOWED", enable.get("outcome"));
        assertEquals("OPERATOR", enable.get("actor_type"));
        assertEquals("admin", enable.get("actor_id"));
        assertEquals(ADAPTER, enable.get("adapter_id"));
        assertEquals(Demo.LYNGEN_ORGNR, enable.get("orgnr"));
        assertEquals("", enable.get("patient_id"));
        Map<String, String> disable = records.stream().filter(r -> "ADAPTER_DISABLED".equals(r.get("reason_code")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no ADAPTER_DISABLED record in " + records));
        assertEquals("itest-operator", disable.get("actor_id"));
        assertEquals("ALLOWED", disable.get("outcome"));
    }

    @Test
    public void aRefusedChangeIsAnErrorInTheShellAndIsAudited() throws Exception {
        try {
            shellAs("admin", "kjernebro:adapter-enable 9999 " + ADAPTER);
            fail("an unknown municipality must be refused");
        } catch (Exception e) {
            assertTrue(String.valueOf(e.getMessage()), String.valueOf(e.getMessage()).contains("unknown tenant"));
        }
        Map<String, String> refused = administrationRecords("9999").get(0);
        assertEquals("REFUSED", refused.get("outcome"));
        assertEquals("admin", refused.get("actor_id"));
    }

    @Test
    public void onlyTheAdminRoleMayRunTheCommands() throws Exception {
        try {
            shell("auditor", List.of("viewer", "auditor"), "kjernebro:adapter-enable 5536 " + ADAPTER);
            fail("the auditor must not be able to enable adapters");
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            assertTrue(message, message.contains("Insufficient credentials") || message.contains("CommandNotFound"));
        }
        assertFalse(administration.tenant(Demo.LYNGEN).orElseThrow().adapters().contains(ADAPTER));
    }

    @Test
    public void aTenantAddedFromTheShellIsInServiceAndHasItsOwnEtcFile() throws Exception {
        // Kåfjord, with a checksum-valid demo orgnr and Lyngen's demo key pair (registered with the simulator)
        String hash = sha256("demo-kafjord-5540");
        String added = shellAs("admin", "kjernebro:tenant-add --name Kafjord -k ${karaf.etc}/kjernebro/keys/helseid-5536.pem"
                .replace("${karaf.etc}", System.getProperty("karaf.etc"))
                + " -c kjernebro-5536 -s " + hash + " -a " + ADAPTER + " 5540 990554005");
        assertTrue(added, added.contains("Tenant 5540 (Kafjord) added by admin"));
        Path file = Path.of(System.getProperty("karaf.etc"), "no.kjernebro.tenant-5540.cfg");
        assertTrue(Files.exists(file));
        assertTrue(etcFile("5540"), etcFile("5540").contains("helseid.keyFile = ${karaf.etc}/kjernebro/keys/helseid-5536.pem"));
        Await.until("Kåfjord in service", () -> administration.tenant("5540").map(TenantInfo::valid).orElse(false));
        String show = shellAs("admin", "kjernebro:tenant-show 5540");
        assertTrue(show, show.contains("in service") && show.contains(ADAPTER));
        // a lookup gets past the tenant checks (credential, adapter) with Kåfjord's key
        HttpResponse<String> r = lookup("5540", "990554005", "demo-kafjord-5540");
        assertFalse(r.body(), List.of("UNKNOWN_TENANT", "BAD_CREDENTIAL", "ADAPTER_NOT_ENABLED", "TENANT_DISABLED")
                .contains(String.valueOf(code(r))));

        String notYet = shellAs("admin", "kjernebro:tenant-remove 5540");
        assertTrue(notYet, notYet.contains("Repeat with --force"));
        shellAs("admin", "kjernebro:tenant-remove --force 5540");
        assertFalse(Files.exists(file));
        Await.until("Kåfjord unknown again", () -> "UNKNOWN_TENANT".equals(code(lookup("5540", "990554005", "demo-kafjord-5540"))));
        assertTrue(administrationRecords("5540").stream().map(m -> m.get("reason_code")).toList()
                .containsAll(List.of("TENANT_ADDED", "TENANT_REMOVED")));
    }

    // ---- helpers

    /**
     * Polls Lyngen until it gets the status. Returns when, after the change, the first request with
     * that answer was sent (the change was in effect for it); its answer may take longer, as a cold
     * HelseID token and the kjernejournal calls come on top.
     */
    private long untilLyngen(int status, long since) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            HttpResponse<String> r = lookup(Demo.LYNGEN, Demo.LYNGEN_ORGNR, Demo.LYNGEN_KEY);
            if (r.statusCode() == status) {
                System.out.println("  answered " + (System.nanoTime() - since) / 1_000_000 + " ms after the change");
                return Math.max(0, (sent - since) / 1_000_000);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Lyngen never got " + status);
    }

    private HttpResponse<String> lookup(String kommune, String orgnr, String apiKey) throws Exception {
        return Demo.send(httpPort(), apiKey, nurseToken, Demo.oppslag(kommune, orgnr, Demo.NURSE_HPR, Demo.NURSE, "SP",
                Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));
    }

    private static String code(HttpResponse<String> r) {
        return Http.element(r.body(), "Kode");
    }

    private static String etcFile(String kommunenummer) throws Exception {
        return Files.readString(Path.of(System.getProperty("karaf.etc"), "no.kjernebro.tenant-" + kommunenummer + ".cfg"),
                StandardCharsets.ISO_8859_1);
    }

    private String shellAs(String user, String command) throws Exception {
        return shell(user, List.of("admin", "manager", "viewer"), command);
    }

    /** Runs a command the way Karaf does for a user who logged in: inside a JAAS subject with their roles. */
    private String shell(String user, List<String> roles, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(InputStream.nullInputStream(), console, console);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        roles.forEach(r -> subject.getPrincipals().add(new RolePrincipal(r)));
        try {
            Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            if (result != null) {
                console.println(result);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
        }
    }

    private List<Map<String, String>> administrationRecords(String kommunenummer) throws Exception {
        Collection<ServiceReference<DataSource>> refs =
                bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=kjernebro-audit)");
        assertFalse("audit DataSource registered", refs.isEmpty());
        ServiceReference<DataSource> ref = refs.iterator().next();
        DataSource ds = bundleContext.getService(ref);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM kjb_audit_record WHERE event_type = 'ADMINISTRATION'"
                     + " AND kommunenummer = ? ORDER BY seq")) {
            ps.setString(1, kommunenummer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String v = rs.getString(i);
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), v == null ? "" : v);
                    }
                    rows.add(row);
                }
            }
        } finally {
            bundleContext.ungetService(ref);
        }
        assertFalse("administration records for " + kommunenummer, rows.isEmpty());
        return rows;
    }

    private static String sha256(String secret) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Alta's EPJ, sending lookups one after another until stopped; every non-200 answer is a failure. */
    private final class AltaLoad {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "alta-load");

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }

        private void run() {
            while (running.get()) {
                try {
                    HttpResponse<String> r = lookup(Demo.ALTA, Demo.ALTA_ORGNR, Demo.ALTA_KEY);
                    if (r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
            }
        }
    }
}
