package no.kjernebro.core.internal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantParserTest {

    @TempDir
    Path dir;

    private TenantSettings settings(String orgnr, String keyFile, String[] hashes, String[] override) {
        return new TenantSettings("5601", orgnr, "Alta kommune", true, new String[] {"sykehjem-xml, adapter-b"},
                "kjernebro-5601", keyFile, hashes, override);
    }

    private String[] altaHash() {
        return new String[] {Credentials.sha256Hex("demo-alta-5601") + "," + Credentials.sha256Hex("second-key")};
    }

    @Test
    void aValidConfigurationBecomesATenant() throws Exception {
        Tenant t = TenantParser.parse(settings("990560102", TestTenants.writePrivateKey(dir).toString(), altaHash(),
                new String[] {"SYKEHJEM_KORTTID/FA2=LEGEMIDLER"}));
        assertThat(t.kommunenummer()).isEqualTo("5601");
        assertThat(t.adapters()).containsExactlyInAnyOrder("sykehjem-xml", "adapter-b");
        assertThat(t.helseIdKey().getEncoded()).isEqualTo(TestTenants.KEYS.getPrivate().getEncoded());
        assertThat(t.accepts("demo-alta-5601")).isTrue();
        assertThat(t.accepts("second-key")).isTrue();
        assertThat(t.accepts("demo-alta-5602")).isFalse();
        assertThat(t.policy().granted(ServiceContext.SYKEHJEM_KORTTID, "FA2")).containsExactly(Section.LEGEMIDLER);
        assertThat(t.toString()).doesNotContain("PRIVATE").contains("5601");
    }

    @Test
    void anEmptyAdapterListMeansNoAdapters() throws Exception {
        TenantSettings s = new TenantSettings("5536", "990553602", "Lyngen kommune", true, new String[] {""},
                "kjernebro-5536", TestTenants.writePrivateKey(dir).toString(),
                new String[] {Credentials.sha256Hex("demo-lyngen-5536")}, new String[0]);
        assertThat(TenantParser.parse(s).adapters()).isEmpty();
    }

    @Test
    void everyProblemIsNamed() {
        assertThatThrownBy(() -> TenantParser.parse(settings("990560103", dir.resolve("missing.pem").toString(),
                new String[] {"abc"}, new String[] {"NOWHERE/LE=PERSONALIA"})))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageContaining("orgnr '990560103' is not a valid organisation number")
                .hasMessageContaining("cannot read key file")
                .hasMessageContaining("credential.sha256 entry")
                .hasMessageContaining("'NOWHERE' is not a service context");
    }

    @Test
    void aTenantWithoutCredentialsIsInvalid() {
        assertThatThrownBy(() -> TenantParser.parse(settings("990560102", TestTenants.writePrivateKey(dir).toString(),
                new String[0], null))).hasMessageContaining("credential.sha256 is empty");
    }

    @Test
    void anInvalidConfigurationRegistersAsUnavailable() {
        TenantRegistration r = TenantComponent.load(settings("123", "/nope.pem", altaHash(), null));
        assertThat(r.available()).isFalse();
        assertThat(r.kommunenummer()).isEqualTo("5601");
        assertThat(r.problem()).contains("orgnr");
    }

    private TenantSettings helseId(String clientId, String keyFile, String mode, String keyId, String dpop, String dpopKeyFile) {
        return new TenantSettings("5503", "990550301", "Harstad kommune", true, new String[] {"sykehjem-xml"},
                clientId, keyFile, new String[] {Credentials.sha256Hex("demo-harstad-5503")}, new String[0],
                mode, keyId, dpop, dpopKeyFile);
    }

    @Test
    void aMultiTenantMunicipalityNeedsNoClientOfItsOwn() throws Exception {
        Tenant t = TenantParser.parse(helseId(null, null, "multi", null, "false", null));
        assertThat(t.helseId().multiTenant()).isTrue();
        assertThat(t.helseIdClientId()).isNull();
        assertThat(t.helseIdKey()).isNull();
        assertThat(t.helseId().dpop()).isFalse();
        assertThat(t.toString()).contains("multi-tenant client");
    }

    @Test
    void aSingleTenantClientMayUseAJwkKeyWithItsOwnKidAndADpopKey() throws Exception {
        Path dpopKey = java.nio.file.Files.writeString(dir.resolve("dpop.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(TestTenants.KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Tenant t = TenantParser.parse(helseId("kjernebro-5503", TestTenants.writePrivateKey(dir).toString(), "single",
                "kid-from-selvbetjening", "", dpopKey.toString()));
        assertThat(t.helseId().multiTenant()).isFalse();
        assertThat(t.helseId().key().keyId()).isEqualTo("kid-from-selvbetjening");
        assertThat(t.helseId().key().algorithm()).isEqualTo("RS256");
        assertThat(t.helseId().dpopKey()).isNotNull();
        assertThat(t.helseId().dpop()).as("empty: the global switch").isNull();
    }

    @Test
    void badHelseIdSettingsAreNamed() {
        assertThatThrownBy(() -> TenantParser.parse(helseId(null, null, "shared", null, "ja", dir.resolve("x.pem").toString())))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageContaining("helseid.mode 'shared' is neither single nor multi")
                .hasMessageContaining("helseid.dpop 'ja'")
                .hasMessageContaining("helseid.clientId is missing")
                .hasMessageContaining("helseid.keyFile is missing")
                .hasMessageContaining("helseid.dpopKeyFile: cannot read key file");
    }

    @Test
    void credentialsAreComparedAsSha256() {
        // the FIPS 180-2 test vector for "abc"
        assertThat(Credentials.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        List<byte[]> stored = List.of(Credentials.parseDigest(Credentials.sha256Hex("s3cret")));
        assertThat(Credentials.matches("s3cret", stored)).isTrue();
        assertThat(Credentials.matches("s3cret ", stored)).isFalse();
        assertThat(Credentials.matches("", stored)).isFalse();
        assertThat(Credentials.matches(null, stored)).isFalse();
        assertThat(Credentials.parseDigest("zz")).isNull();
        assertThat(Credentials.parseDigest(Credentials.sha256Hex("x").toUpperCase())).isNotNull();
    }
}
