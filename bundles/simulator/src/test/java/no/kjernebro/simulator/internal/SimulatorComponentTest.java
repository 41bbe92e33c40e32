package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import no.kjernebro.simulator.internal.dataset.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component's lifecycle, driven the way SCR drives it. */
class SimulatorComponentTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void activateListensAndDeactivateReleasesThePort(@TempDir Path clients) throws Exception {
        int port = SimulatorTestSupport.freePort();
        SimulatorComponent component = new SimulatorComponent();

        component.activate(config(port, "", clients.toString()));
        assertThat(discovery(port).statusCode()).isEqualTo(200);
        assertThat(discovery(port).body()).contains("http://localhost:" + port + "/connect/token");

        component.deactivate();
        assertThatThrownBy(() -> discovery(port)).isInstanceOf(ConnectException.class);

        component.activate(config(port, "", clients.toString()));
        try {
            assertThat(discovery(port).statusCode()).isEqualTo(200);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aBadDatasetFailsActivationAndLeavesThePortFree(@TempDir Path dir) throws Exception {
        Path dataset = dir.resolve("broken.json");
        Files.writeString(dataset, "{ not json");
        int port = SimulatorTestSupport.freePort();
        SimulatorComponent component = new SimulatorComponent();

        assertThatThrownBy(() -> component.activate(config(port, dataset.toString(), dir.toString())))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("broken.json");
        assertThatThrownBy(() -> discovery(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void clientsDirDefaultsUnderKarafEtc() {
        String previous = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", "/opt/karaf/etc");
        try {
            assertThat(SimulatorSettings.clientsDir("")).isEqualTo(Path.of("/opt/karaf/etc/kjernebro/helseid-clients"));
            assertThat(SimulatorSettings.clientsDir("${karaf.etc}/x")).isEqualTo(Path.of("/opt/karaf/etc/x"));
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.etc");
            } else {
                System.setProperty("karaf.etc", previous);
            }
        }
    }

    private HttpResponse<String> discovery(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SimulatorConfiguration config(int port, String dataset, String clientsDir) {
        return new SimulatorConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SimulatorConfiguration.class;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String dataset() {
                return dataset;
            }

            @Override
            public String clients_dir() {
                return clientsDir;
            }

            @Override
            public String issuer() {
                return "http://localhost:" + port;
            }

            @Override
            public long ticketTtlSeconds() {
                return 600;
            }

            @Override
            public int legemiddelvarsling_maxBatchSize() {
                return 100;
            }

            @Override
            public double legemiddelvarsling_syntheticNewShare() {
                return 0.05;
            }

            @Override
            public boolean dpop_required() {
                return false;
            }

            @Override
            public boolean dpop_requireNonce() {
                return true;
            }

            @Override
            public long dpop_nonceValiditySeconds() {
                return 300;
            }

            @Override
            public long dpop_proofMaxAgeSeconds() {
                return 60;
            }

            @Override
            public long faults_timeoutHoldMs() {
                return 120_000;
            }

            @Override
            public int faults_oversizedBytes() {
                return 16 * 1024 * 1024;
            }
        };
    }
}
