package no.kjernebro.core.internal.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import no.kjernebro.core.internal.helseid.ClientAssertion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo tenant files shipped in the assembly parse, accept their demo API key, and sign with a
 * key whose public half is the one the simulator is given.
 */
class DemoTenantFilesTest {

    private static final Path ETC = Path.of("../../karaf-assembly/src/main/resources/etc");

    @ParameterizedTest
    @CsvSource({"5601, demo-alta-5601, sykehjem-xml forvaltning-fil hjemmetjeneste-json",
        "5503, demo-harstad-5503, sykehjem-xml hjemmetjeneste-json", "5536, demo-lyngen-5536, ''"})
    void demoTenantIsValid(String kommunenummer, String apiKey, String adapter) throws Exception {
        Path cfg = ETC.resolve("no.kjernebro.tenant-" + kommunenummer + ".cfg");
        assertThat(cfg).as("the demo tenant file in karaf-assembly").exists();
        Properties p = load(cfg);
        TenantSettings settings = new TenantSettings(p.getProperty("kommunenummer"), p.getProperty("orgnr"),
                p.getProperty("name"), Boolean.parseBoolean(p.getProperty("enabled")),
                new String[] {p.getProperty("adapters")}, p.getProperty("helseid.clientId"),
                p.getProperty("helseid.keyFile").replace("${karaf.etc}", ETC.toString()),
                new String[] {p.getProperty("credential.sha256")}, new String[] {p.getProperty("policy.override")});

        Tenant tenant = TenantParser.parse(settings);

        assertThat(tenant.kommunenummer()).isEqualTo(kommunenummer);
        assertThat(tenant.accepts(apiKey)).isTrue();
        assertThat(tenant.adapters()).isEqualTo(adapter.isEmpty() ? java.util.Set.of() : java.util.Set.of(adapter.split(" ")));
        PublicKey registered = PemKeys.parsePublicKey(Files.readString(
                ETC.resolve("kjernebro/helseid-clients/" + tenant.helseIdClientId() + ".pem")));
        String jwt = ClientAssertion.create(tenant.helseIdClientId(), "http://localhost:8190/connect/token",
                tenant.helseId().key(), null, Instant.now());
        String[] parts = jwt.split("\\.");
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(registered);
        v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(v.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    private static Properties load(Path cfg) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
