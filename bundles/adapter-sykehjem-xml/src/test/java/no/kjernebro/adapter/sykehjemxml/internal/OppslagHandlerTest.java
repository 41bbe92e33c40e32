package no.kjernebro.adapter.sykehjemxml.internal;

import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.NURSE_REQUEST;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.PATIENT;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.kjernebro.adapter.sykehjemxml.internal.xml.Dom;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OppslagHandlerTest {

    private final RecordingLookupService core = new RecordingLookupService();
    private final OppslagHandler handler = new OppslagHandler(core, 64 * 1024);

    @Test
    void translatedRequestGoesToCoreWithTheCallersCredentialAndUserToken() {
        HttpAnswer answer = handler.handle(post("application/xml", NURSE_REQUEST, "Bearer epj-token", null));

        assertThat(answer.status()).isEqualTo(200);
        RecordingLookupService.Call call = core.onlyCall();
        assertThat(call.credential()).isEqualTo(new CallerCredential(CallerCredential.Scheme.BEARER, "epj-token"));
        assertThat(call.request().userToken()).isEqualTo("user-token");
        assertThat(Dom.of(answer.body()).text("//s:Pasient/s:Fodselsnummer")).isEqualTo(PATIENT);
    }

    @Test
    void apiKeyIsTheCredentialWhenThereIsNoBearerToken() {
        handler.handle(post("text/xml; charset=UTF-8", NURSE_REQUEST, null, "demo-alta-5601"));

        assertThat(core.onlyCall().credential())
                .isEqualTo(new CallerCredential(CallerCredential.Scheme.API_KEY, "demo-alta-5601"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/x-www-form-urlencoded"})
    void nonXmlContentIsRejectedThroughCoreWithoutReadingTheBody(String contentType) {
        HttpInbound in = new HttpInbound(contentType, null, null, "demo-alta-5601", null, new java.io.InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        });

        HttpAnswer answer = handler.handle(in);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(core.onlyCall().rejected().error()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(Dom.of(answer.body()).text("/s:Feilmelding/s:Kode")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void coresRefusalDecidesTheStatusAndTheDocumentNeverNamesThePatient() {
        core.onLookup = (c, r) -> LookupOutcome.refused(ErrorCode.INVALID_PATIENT_ID,
                "invalid identity number " + r.patientId(), "audit-9", r.correlationId());

        HttpAnswer answer = handler.handle(post("application/xml", NURSE_REQUEST, null, "demo-alta-5601"));

        assertThat(answer.status()).isEqualTo(422);
        String xml = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain(PATIENT);
        Dom feil = Dom.of(answer.body());
        assertThat(feil.text("/s:Feilmelding/s:Kode")).isEqualTo("INVALID_PATIENT_ID");
        assertThat(feil.text("/s:Feilmelding/s:Melding")).isEqualTo("invalid identity number *********95");
        assertThat(feil.text("/s:Feilmelding/s:Loggreferanse")).isEqualTo("audit-9");
        assertThat(feil.text("/s:Feilmelding/s:MeldingsId")).isEqualTo("7d0c5c1e-2f4b-4d7a-9a57-0b7f3c1e9a01");
    }

    @Test
    void failureInsideCoreBecomesInternalErrorWithoutDetails() {
        core.onLookup = (c, r) -> {
            throw new IllegalStateException("boom for " + r.patientId());
        };

        HttpAnswer answer = handler.handle(post("application/xml", NURSE_REQUEST, null, "demo-alta-5601"));

        assertThat(answer.status()).isEqualTo(500);
        String xml = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("boom").doesNotContain("IllegalStateException").doesNotContain(PATIENT);
        assertThat(Dom.of(answer.body()).text("/s:Feilmelding/s:Kode")).isEqualTo("INTERNAL_ERROR");
        assertThat(Dom.of(answer.body()).text("/s:Feilmelding/s:Utfall")).isEqualTo("FAILED");
    }

    @Test
    void outcomeWithoutErrorCodeIsTreatedAsInternalError() {
        core.onLookup = (c, r) -> new LookupOutcome(no.kjernebro.api.lookup.Outcome.FAILED, null, null, null, null,
                null, false, r.correlationId());

        assertThat(handler.handle(post("application/xml", NURSE_REQUEST, null, "k")).status()).isEqualTo(500);
    }

    @Test
    void newLimitAppliesToTheNextRequest() {
        handler.maxBytes(512);

        HttpAnswer answer = handler.handle(post("application/xml", NURSE_REQUEST, null, "demo-alta-5601"));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(core.onlyCall().rejected().error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    private static HttpInbound post(String contentType, String xml, String authorization, String apiKey) {
        return new HttpInbound(contentType, (long) xml.getBytes(StandardCharsets.UTF_8).length, authorization, apiKey,
                "user-token", stream(xml));
    }
}
