package no.kjernebro.audit.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theConfigurationBecomesSettings() {
        ForwardSettings settings = ForwardSettings.from(new TestForwardConfiguration("http://audit.example:8443/fhir/AuditEvent", true));

        assertThat(settings.batchSize()).isEqualTo(100);
        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.backoff()).isEqualTo(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0));
        assertThat(settings.bearerToken()).isEmpty();
        assertThat(settings.endpointForDisplay()).isEqualTo("http://audit.example:8443/fhir/AuditEvent");
    }

    @Test
    void theTokenComesFromAFileOrThePrivateKey() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "  secret-from-file\n");

        assertThat(ForwardSettings.from(new TestForwardConfiguration("http://a/x", true, file.toString(), ""))
                .bearerToken()).contains("secret-from-file");
        assertThat(ForwardSettings.from(new TestForwardConfiguration("http://a/x", true, file.toString(), "private"))
                .bearerToken()).contains("private");
        assertThatThrownBy(() -> ForwardSettings.from(
                new TestForwardConfiguration("http://a/x", true, dir.resolve("missing").toString(), "")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("forward.bearerTokenFile");
    }

    @Test
    void theDisplayedEndpointHasNoCredentialsOrQuery() {
        ForwardSettings settings = ForwardSettings.from(
                new TestForwardConfiguration("https://user:pw@audit.example/fhir/AuditEvent?key=abc", true));

        assertThat(settings.endpointForDisplay()).isEqualTo("https://audit.example/fhir/AuditEvent");
    }
}
