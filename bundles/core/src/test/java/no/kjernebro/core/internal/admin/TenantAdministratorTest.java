package no.kjernebro.core.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import no.kjernebro.api.admin.AdapterInfo;
import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.admin.NewTenant;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.ServiceContext;
import no.kjernebro.core.internal.tenant.Credentials;
import no.kjernebro.core.internal.tenant.TenantDirectory;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantAdministratorTest {

    private static final String PID = "no.kjernebro.tenant";
    private static final String OPERATOR = "ola.operator";
    private static final String LYNGEN_HASH = Credentials.sha256Hex("demo-lyngen-5536");

    @TempDir
    Path base;

    private Path etc;
    private Path keyFile;
    private FakeConfigurationAdmin configAdmin;
    private RecordingAuditLog auditLog;
    private TenantAdministrator admin;

    @BeforeEach
    void setUp() throws IOException {
        etc = Files.createDirectories(base.resolve("etc"));
        keyFile = TestTenants.writePrivateKey(Files.createDirectories(etc.resolve("kjernebro/keys")));
        configAdmin = new FakeConfigurationAdmin();
        auditLog = new RecordingAuditLog();
        Map<String, Object> alta = tenantProps("5601", "990560102", "Alta kommune", "sykehjem-xml",
                Credentials.sha256Hex("demo-alta-5601"));
        Path altaFile = Files.writeString(etc.resolve("no.kjernebro.tenant-5601.cfg"), "kommunenummer = 5601\n");
        alta.put(TenantStore.FILENAME, altaFile.toFile().toURI().toString());
        configAdmin.put(PID, "5601", alta);
        TenantDirectory directory = k -> "5601".equals(k) ? new TenantDirectory.Known(TestTenants.alta())
                : new TenantDirectory.Unknown();
        List<AdapterInfo> deployed = List.of(new AdapterInfo("sykehjem-xml", "Sykehjem XML",
                Set.of(ServiceContext.SYKEHJEM_LANGTID), 2, "no.kjernebro.adapter-sykehjem-xml 0.1.0"));
        Clock clock = Clock.fixed(Instant.parse("2025-05-02T08:00:00Z"), ZoneOffset.UTC);
        admin = new TenantAdministrator(new TenantStore(configAdmin, etc), new AdminAudit(() -> auditLog, clock),
                new NewTenantCheck(base, etc), directory, () -> deployed, clock);
    }

    private Map<String, Object> tenantProps(String k, String orgnr, String name, String adapters, String hash) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kommunenummer", k);
        p.put("orgnr", orgnr);
        p.put("name", name);
        p.put("enabled", "true");
        p.put("adapters", adapters);
        p.put("helseid.clientId", "kjernebro-" + k);
        p.put("helseid.keyFile", keyFile.toString());
        p.put("credential.sha256", hash);
        p.put("policy.override", "");
        return p;
    }

    private NewTenant lyngen() {
        return new NewTenant("5536", "990553602", "Lyngen kommune", "kjernebro-5536",
                "etc/kjernebro/keys/helseid-test.pem", List.of(LYNGEN_HASH), Set.of());
    }

    private Map<String, Object> stored(String kommunenummer) {
        return configAdmin.configurations.get(PID + "~" + kommunenummer).map();
    }

    // ---- listing

    @Test
    void listsTenantsWithTheirValidityAndProblem() {
        configAdmin.put(PID, "5503", tenantProps("5503", "990550300", "Harstad kommune", "", LYNGEN_HASH));

        List<TenantInfo> tenants = admin.tenants();

        assertThat(tenants).extracting(TenantInfo::kommunenummer).containsExactly("5503", "5601");
        TenantInfo harstad = tenants.get(0);
        assertThat(harstad.valid()).isFalse();
        assertThat(harstad.problem()).contains("orgnr '990550300' is not a valid organisation number");
        TenantInfo alta = tenants.get(1);
        assertThat(alta.valid()).isTrue();
        assertThat(alta.problem()).isNull();
        assertThat(alta.adapters()).containsExactly("sykehjem-xml");
        assertThat(alta.helseIdClientId()).isEqualTo("kjernebro-5601");
        assertThat(admin.tenant("5601")).contains(alta);
        assertThat(admin.tenant("9999")).isEmpty();
    }

    @Test
    void aValidConfigurationTheDirectoryDoesNotKnowYetIsReportedAsNotInService() {
        configAdmin.put(PID, "5536", tenantProps("5536", "990553602", "Lyngen kommune", "", LYNGEN_HASH));

        TenantInfo lyngen = admin.tenant("5536").orElseThrow();

        assertThat(lyngen.valid()).isFalse();
        assertThat(lyngen.problem()).startsWith("not in service yet");
    }

    @Test
    void listsTheDeployedAdapters() {
        assertThat(admin.adapters()).extracting(AdapterInfo::id, AdapterInfo::routes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sykehjem-xml", 2));
    }

    // ---- add

    @Test
    void addCreatesTheNamedFactoryConfigurationAndItsEtcFileAndAuditsIt() throws Exception {
        TenantInfo info = admin.addTenant(lyngen(), OPERATOR);

        assertThat(info.kommunenummer()).isEqualTo("5536");
        assertThat(info.valid()).isTrue();
        Path file = etc.resolve("no.kjernebro.tenant-5536.cfg");
        Map<String, Object> props = stored("5536");
        assertThat(props).containsEntry("kommunenummer", "5536").containsEntry("orgnr", "990553602")
                .containsEntry("name", "Lyngen kommune").containsEntry("enabled", "true").containsEntry("adapters", "")
                .containsEntry("helseid.keyFile", keyFile.toString()).containsEntry("credential.sha256", LYNGEN_HASH)
                // fileinstall's own key for the file (File.toURI: "file:/...", not Path.toUri's "file:///...")
                .containsEntry("felix.fileinstall.filename", file.toFile().toURI().toString())
                .containsEntry("service.factoryPid", PID);
        // the file holds the same values, with the key under etc written as fileinstall resolves it
        Properties fromFile = new Properties();
        fromFile.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        assertThat(fromFile.getProperty("kommunenummer")).isEqualTo("5536");
        assertThat(fromFile.getProperty("credential.sha256")).isEqualTo(LYNGEN_HASH);
        assertThat(fromFile.getProperty("helseid.keyFile")).isEqualTo("${karaf.etc}/kjernebro/keys/helseid-test.pem");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).contains("by " + OPERATOR);

        AuditEntry e = auditLog.last();
        assertThat(e.type()).isEqualTo(AuditEntry.EventType.ADMINISTRATION);
        assertThat(e.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(e.reasonCode()).isEqualTo("TENANT_ADDED");
        assertThat(e.actorType()).isEqualTo("OPERATOR");
        assertThat(e.actorId()).isEqualTo(OPERATOR);
        assertThat(e.kommunenummer()).isEqualTo("5536");
        assertThat(e.orgnr()).isEqualTo("990553602");
        assertThat(e.patientId()).isNull();
        assertThat(e.sections()).isEmpty();
        assertThat(e.reason()).contains("Lyngen kommune").contains("1 credential(s)");
    }

    @Test
    void addRefusesInvalidValuesNamingEveryProblemAndRecordsTheRefusal() {
        NewTenant bad = new NewTenant("553", "990553603", "Lyngen", "kjernebro-5536", "etc/no/such/key.pem",
                List.of(), Set.of("Sykehjem XML"));

        assertThatThrownBy(() -> admin.addTenant(bad, OPERATOR))
                .isInstanceOf(AdministrationException.class)
                .hasMessageContaining("kommunenummer '553' is not four digits")
                .hasMessageContaining("orgnr '990553603' is not a valid organisation number")
                .hasMessageContaining("cannot read key file")
                .hasMessageContaining("credential.sha256 is empty")
                .hasMessageContaining("adapter id 'Sykehjem XML'");
        assertThat(configAdmin.configurations).containsOnlyKeys(PID + "~5601");
        assertThat(etc.resolve("no.kjernebro.tenant-553.cfg")).doesNotExist();
        assertThat(auditLog.last().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(auditLog.last().reasonCode()).isEqualTo("TENANT_ADDED");
    }

    @Test
    void addRefusesValuesThatWouldBreakTheFile() {
        NewTenant injected = new NewTenant("5536", "990553602", "Lyngen\nenabled = false", "kjernebro-5536",
                keyFile.toString(), List.of(LYNGEN_HASH), Set.of());

        assertThatThrownBy(() -> admin.addTenant(injected, OPERATOR))
                .hasMessageContaining("name must not contain control characters");
        assertThat(etc.resolve("no.kjernebro.tenant-5536.cfg")).doesNotExist();
    }

    @Test
    void addRefusesAKommunenummerThatIsConfiguredAlready() {
        NewTenant again = new NewTenant("5601", "990560102", "Alta kommune", "kjernebro-5601", keyFile.toString(),
                List.of(LYNGEN_HASH), Set.of());

        assertThatThrownBy(() -> admin.addTenant(again, OPERATOR)).hasMessageContaining("configured already");
        assertThat(stored("5601")).containsEntry("credential.sha256", Credentials.sha256Hex("demo-alta-5601"));
        assertThat(auditLog.last().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void addRefusesWhenATenantFileExistsThatIsNotLoadedYet() throws IOException {
        Files.writeString(etc.resolve("no.kjernebro.tenant-5536.cfg"), "kommunenummer = 5536\n");

        assertThatThrownBy(() -> admin.addTenant(lyngen(), OPERATOR)).hasMessageContaining("configured already");
        assertThat(Files.readString(etc.resolve("no.kjernebro.tenant-5536.cfg"))).isEqualTo("kommunenummer = 5536\n");
    }

    @Test
    void aStoreFailureIsReportedAndRecordedAsFailedAndLeavesNoFile() {
        configAdmin.failure = new IOException("disk full");

        assertThatThrownBy(() -> admin.addTenant(lyngen(), OPERATOR)).hasMessageContaining("disk full");
        assertThat(etc.resolve("no.kjernebro.tenant-5536.cfg")).doesNotExist();
        assertThat(auditLog.entries).extracting(AuditEntry::outcome).containsExactly(Outcome.ALLOWED, Outcome.FAILED);
    }

    // ---- remove

    @Test
    void removeDeletesTheConfigurationAndItsFileAndAuditsIt() throws Exception {
        admin.removeTenant("5601", OPERATOR);

        assertThat(configAdmin.configurations).isEmpty();
        assertThat(etc.resolve("no.kjernebro.tenant-5601.cfg")).doesNotExist();
        assertThat(auditLog.last().reasonCode()).isEqualTo("TENANT_REMOVED");
        assertThat(auditLog.last().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(auditLog.last().orgnr()).isEqualTo("990560102");
    }

    @Test
    void removingAnUnknownTenantIsRefusedAndRecorded() {
        assertThatThrownBy(() -> admin.removeTenant("9999", OPERATOR)).hasMessageContaining("unknown tenant");
        assertThat(auditLog.last().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(auditLog.last().kommunenummer()).isEqualTo("9999");
    }

    // ---- adapters

    @Test
    void enableChangesOnlyTheAdaptersPropertyAndAuditsIt() throws Exception {
        Map<String, Object> before = stored("5601");

        TenantInfo info = admin.enableAdapter("5601", "hjemmetjeneste-json", OPERATOR);

        assertThat(info.adapters()).containsExactlyInAnyOrder("sykehjem-xml", "hjemmetjeneste-json");
        Map<String, Object> after = stored("5601");
        assertThat(after.get("adapters")).isEqualTo("sykehjem-xml,hjemmetjeneste-json");
        after.remove("adapters");
        before.remove("adapters");
        assertThat(after).isEqualTo(before);
        AuditEntry e = auditLog.last();
        assertThat(e.reasonCode()).isEqualTo("ADAPTER_ENABLED");
        assertThat(e.adapterId()).isEqualTo("hjemmetjeneste-json");
        assertThat(e.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(e.reason()).contains("not deployed");
    }

    @Test
    void disableRemovesTheAdapterAndAuditsIt() throws Exception {
        TenantInfo info = admin.disableAdapter("5601", "sykehjem-xml", OPERATOR);

        assertThat(info.adapters()).isEmpty();
        assertThat(stored("5601")).containsEntry("adapters", "");
        assertThat(auditLog.last().reasonCode()).isEqualTo("ADAPTER_DISABLED");
        assertThat(auditLog.last().reason()).doesNotContain("not deployed");
    }

    @Test
    void enablingAnEnabledAdapterChangesAndRecordsNothing() throws Exception {
        int updates = configAdmin.configurations.get(PID + "~5601").updates;

        admin.enableAdapter("5601", "sykehjem-xml", OPERATOR);
        admin.disableAdapter("5601", "hjemmetjeneste-json", OPERATOR);

        assertThat(configAdmin.configurations.get(PID + "~5601").updates).isEqualTo(updates);
        assertThat(auditLog.entries).isEmpty();
    }

    @Test
    void adapterChangesForUnknownTenantsOrMalformedIdsAreRefusedAndRecorded() {
        assertThatThrownBy(() -> admin.enableAdapter("9999", "sykehjem-xml", OPERATOR))
                .hasMessageContaining("unknown tenant");
        assertThatThrownBy(() -> admin.enableAdapter("5601", "x,y", OPERATOR))
                .hasMessageContaining("adapter id 'x,y'");
        assertThat(auditLog.entries).extracting(AuditEntry::outcome).containsExactly(Outcome.REFUSED, Outcome.REFUSED);
        assertThat(stored("5601")).containsEntry("adapters", "sykehjem-xml");
    }

    @Test
    void twoConfigurationsForOneKommunenummerAreNotGuessedBetween() {
        configAdmin.put(PID, "5601-copy", tenantProps("5601", "990560102", "Alta", "", LYNGEN_HASH));

        assertThatThrownBy(() -> admin.enableAdapter("5601", "x", OPERATOR))
                .hasMessageContaining("2 configurations have kommunenummer 5601");
        assertThat(admin.tenant("5601").orElseThrow().problem()).contains("2 configurations");
    }

    // ---- fail closed

    @Test
    void withTheAuditLogDownNothingIsChanged() {
        auditLog.down = true;

        assertThatThrownBy(() -> admin.enableAdapter("5601", "hjemmetjeneste-json", OPERATOR))
                .isInstanceOf(AdministrationException.class)
                .hasMessageContaining("audit log is unavailable");
        assertThatThrownBy(() -> admin.addTenant(lyngen(), OPERATOR)).hasMessageContaining("audit log is unavailable");
        assertThatThrownBy(() -> admin.removeTenant("5601", OPERATOR)).hasMessageContaining("audit log is unavailable");

        assertThat(stored("5601")).containsEntry("adapters", "sykehjem-xml");
        assertThat(configAdmin.configurations).containsOnlyKeys(PID + "~5601");
        assertThat(etc.resolve("no.kjernebro.tenant-5536.cfg")).doesNotExist();
        assertThat(etc.resolve("no.kjernebro.tenant-5601.cfg")).exists();
    }

    @Test
    void withoutAnAuditLogServiceNothingIsChanged() {
        TenantAdministrator noAudit = new TenantAdministrator(new TenantStore(configAdmin, etc),
                new AdminAudit(() -> null, Clock.systemUTC()), new NewTenantCheck(base, etc),
                k -> new TenantDirectory.Unknown(), List::of, Clock.systemUTC());

        assertThatThrownBy(() -> noAudit.disableAdapter("5601", "sykehjem-xml", OPERATOR))
                .hasMessageContaining("audit log is unavailable");
        assertThat(stored("5601")).containsEntry("adapters", "sykehjem-xml");
    }

    @Test
    void aChangeWithoutANamedOperatorIsRefused() {
        assertThatThrownBy(() -> admin.enableAdapter("5601", "x", " ")).hasMessageContaining("no operator");
        assertThat(auditLog.entries).isEmpty();
    }
}
