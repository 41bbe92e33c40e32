package no.kjernebro.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.shell.internal.completers.AdapterIdCompleter;
import no.kjernebro.shell.internal.completers.KommunenummerCompleter;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private final FakeAdministration admin = new FakeAdministration();
    private final FakeShell shell = new FakeShell();

    /** Injects what Karaf injects into the @Reference fields. */
    private <T> T wire(T command) {
        try {
            for (var f : command.getClass().getDeclaredFields()) {
                if (f.getType() == no.kjernebro.api.admin.TenantAdministration.class) {
                    f.setAccessible(true);
                    f.set(command, admin);
                } else if (f.getType() == org.apache.karaf.shell.api.console.Session.class) {
                    f.setAccessible(true);
                    f.set(command, shell.session);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return command;
    }

    private AdapterEnable enable(String kommunenummer, String adapter) {
        AdapterEnable c = wire(new AdapterEnable());
        c.kommunenummer = kommunenummer;
        c.adapterId = adapter;
        return c;
    }

    @Test
    void tenantListPrintsOneRowPerMunicipality() {
        admin.tenants.put("5503", new TenantInfo("5503", "990550301", "Harstad kommune", true, false,
                "configuration invalid: orgnr", Set.of(), "kjernebro-5503"));

        wire(new TenantList()).execute();

        assertThat(shell.output()).contains("Kommune").contains("Status")
                .containsPattern("5601 .*Alta kommune.*990560102.*yes.*in service.*sykehjem-xml")
                .containsPattern("(?m)^5536 .*Lyngen kommune.*in service +\\| -$")
                .containsPattern("5503 .*NOT IN SERVICE");
    }

    @Test
    void adapterEnableActsAsTheLoggedInUserAndSaysWhatChanged() throws Exception {
        FakeShell.as("kari", () -> enable("5536", "sykehjem-xml").execute());

        assertThat(admin.calls).containsExactly("enable sykehjem-xml for 5536 by kari");
        assertThat(shell.output()).contains("Adapter sykehjem-xml enabled for 5536 (Lyngen kommune) by kari")
                .doesNotContain("Warning");
    }

    @Test
    void adapterEnableWarnsWhenTheAdapterIsNotDeployed() throws Exception {
        FakeShell.as("kari", () -> enable("5536", "hjemmetjeneste-json").execute());

        assertThat(shell.output()).contains("Warning: adapter hjemmetjeneste-json is not deployed");
    }

    @Test
    void enablingAnEnabledAdapterSaysNothingChanged() throws Exception {
        FakeShell.as("kari", () -> enable("5601", "sykehjem-xml").execute());

        assertThat(shell.output()).contains("enabled for 5601 already; nothing changed");
    }

    @Test
    void theSessionUserIsTheFallbackOperator() throws Exception {
        shell.variables.put("USER", "admin");

        enable("5536", "sykehjem-xml").execute();

        assertThat(admin.calls).containsExactly("enable sykehjem-xml for 5536 by admin");
    }

    @Test
    void withoutALoggedInOperatorNothingIsChanged() {
        assertThatThrownBy(() -> enable("5536", "sykehjem-xml").execute())
                .isInstanceOf(CommandException.class).hasMessageContaining("No logged-in operator");
        assertThat(admin.calls).isEmpty();
    }

    @Test
    void aRefusalBecomesACommandErrorWithCoresReason() {
        admin.refusal = "the audit log is unavailable, so nothing was changed";

        assertThatThrownBy(() -> FakeShell.as("kari", () -> enable("5536", "sykehjem-xml").execute()))
                .isInstanceOf(CommandException.class)
                .hasMessage("Adapter sykehjem-xml not enabled for 5536: the audit log is unavailable, so nothing was changed");
    }

    @Test
    void adapterDisableRemovesItAndLeavesOthers() throws Exception {
        AdapterDisable c = wire(new AdapterDisable());
        c.kommunenummer = "5601";
        c.adapterId = "sykehjem-xml";

        FakeShell.as("kari", c::execute);

        assertThat(admin.calls).containsExactly("disable sykehjem-xml for 5601 by kari");
        assertThat(admin.tenants.get("5601").adapters()).isEmpty();
        assertThat(admin.tenants.get("5536").adapters()).isEmpty();
        assertThat(shell.output()).contains("Adapter sykehjem-xml disabled for 5601 (Alta kommune) by kari. Its adapters: -.");
    }

    @Test
    void tenantAddPassesEverythingGivenWithTheDefaultClientId() throws Exception {
        TenantAdd c = wire(new TenantAdd());
        c.kommunenummer = "5540";
        c.orgnr = "990554005";
        c.name = "Kåfjord kommune";
        c.keyFile = "etc/kjernebro/keys/helseid-5540.pem";
        c.credentials = List.of("ab".repeat(32));
        c.adapters = List.of("sykehjem-xml");

        FakeShell.as("kari", c::execute);

        assertThat(admin.added.helseIdClientId()).isEqualTo("kjernebro-5540");
        assertThat(admin.added.credentialSha256()).containsExactly("ab".repeat(32));
        assertThat(admin.added.adapters()).containsExactly("sykehjem-xml");
        assertThat(admin.added.helseIdKeyFile()).isEqualTo("etc/kjernebro/keys/helseid-5540.pem");
        assertThat(shell.output()).contains("Tenant 5540 (Kåfjord kommune) added by kari");
    }

    @Test
    void tenantRemoveWantsForce() throws Exception {
        TenantRemove c = wire(new TenantRemove());
        c.kommunenummer = "5536";

        FakeShell.as("kari", c::execute);
        assertThat(admin.tenants).containsKey("5536");
        assertThat(shell.output()).contains("Nothing was changed. Repeat with --force");

        c.force = true;
        FakeShell.as("kari", c::execute);
        assertThat(admin.calls).containsExactly("remove 5536 by kari");
        assertThat(admin.tenants).doesNotContainKey("5536");
    }

    @Test
    void tenantShowNamesTheProblemAndAdaptersThatAreNotDeployed() throws Exception {
        admin.tenants.put("5503", new TenantInfo("5503", "990550301", "Harstad kommune", true, false,
                "configuration invalid: helseid.keyFile: cannot read key file", Set.of("sykehjem-xml", "forvaltning-fil"),
                "kjernebro-5503"));
        TenantShow c = wire(new TenantShow());
        c.kommunenummer = "5503";

        c.execute();

        assertThat(shell.output()).contains("NOT IN SERVICE").contains("cannot read key file")
                .contains("forvaltning-fil (not deployed), sykehjem-xml");
    }

    @Test
    void tenantShowOfAnUnknownTenantIsAnError() {
        TenantShow c = wire(new TenantShow());
        c.kommunenummer = "9999";

        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class).hasMessageContaining("Unknown tenant 9999");
    }

    @Test
    void adapterListShowsDeployedAdaptersAndWhoEnabledThem() throws Exception {
        admin.tenants.put("5536", new TenantInfo("5536", "990553602", "Lyngen kommune", true, true, null,
                Set.of("hjemmetjeneste-json"), "kjernebro-5536"));

        wire(new AdapterList()).execute();

        assertThat(shell.output())
                .containsPattern("sykehjem-xml .*Sykehjem XML.* 2 .*KAD_OHD, SYKEHJEM_LANGTID.*5601")
                .containsPattern("hjemmetjeneste-json .*NOT DEPLOYED.*5536");
    }

    @Test
    void adapterListForOneMunicipality() throws Exception {
        AdapterList c = wire(new AdapterList());
        c.kommunenummer = "5536";

        c.execute();

        assertThat(shell.output()).contains("No adapter enabled for 5536");
    }

    @Test
    void completersOfferKommunenummerAndAdapterIds() {
        KommunenummerCompleter kommuner = wire(new KommunenummerCompleter());
        List<String> candidates = FakeShell.none();
        kommuner.complete(shell.session, FakeShell.typing("55"), candidates);
        assertThat(candidates).extracting(String::trim).containsExactly("5536");

        AdapterIdCompleter ids = wire(new AdapterIdCompleter());
        candidates = FakeShell.none();
        ids.complete(shell.session, FakeShell.typing("syk"), candidates);
        assertThat(candidates).extracting(String::trim).containsExactly("sykehjem-xml");
    }
}
