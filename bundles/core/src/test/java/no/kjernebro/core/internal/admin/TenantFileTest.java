package no.kjernebro.core.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantFileTest {

    @TempDir
    Path etc;

    @Test
    void theFileIsAsciiAndReadsBackToTheSameValues() throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kommunenummer", "5610");
        props.put("orgnr", "990561001");
        props.put("name", "Kárášjoga gielda / Karasjok kommune");
        props.put("enabled", "true");
        props.put("adapters", "sykehjem-xml,hjemmetjeneste-json");
        props.put("helseid.clientId", "kjernebro-5610");
        props.put("credential.sha256", "ab".repeat(32));
        props.put("policy.override", "");
        Path file = etc.resolve(TenantFile.fileName("5610"));

        TenantFile.write(file, TenantFile.render(props, "C:\\kjernebro\\keys\\helseid-5610.pem", "kari", Instant.EPOCH));

        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            assertThat(b & 0xFF).as("ASCII only").isLessThan(0x80);
        }
        Properties read = new Properties();
        read.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        props.forEach((key, value) -> assertThat(read.getProperty(key)).as(key).isEqualTo(value));
        assertThat(read.getProperty("helseid.keyFile")).isEqualTo("C:\\kjernebro\\keys\\helseid-5610.pem");
        assertThat(file.getFileName().toString()).isEqualTo("no.kjernebro.tenant-5610.cfg");
        assertThat(Files.list(etc)).containsExactly(file);
    }
}
