package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Kjernejournal and HelseID as NHN documents them, in the booted distribution against the simulator:
 * DPoP-bound system tokens, ticket reuse, verified user tokens, and one fault per mode injected at
 * runtime, each with its answer to the EPJ, its audit record, and recovery once the fault is lifted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KjernejournalITest extends KjernebroTestSupport {

    /** Patients of the dataset used by one test each, so a reused ticket never hides a Helseindikator call. */
    private static final String STATUS_3_PATIENT = "16816932169";
    private static final String CHILD_PATIENT = "12861550182";
    private static final String D_NUMBER_PATIENT = "55838510069";
    private static final String OTHER_PATIENT = "02828814829";
    private static final String OVERSIZED_PATIENT = "07813132286";
    private static final String TIMEOUT_PATIENT = "14825014684";
    /** restricted the critical-information module (docs/contracts.md). */
    private static final String RESTRICTED_CRITICAL_INFO_PATIENT = "14826142015";

    private String nurseToken;

    @Before
    public void ready() throws Exception {
        Await.until("simulator answers", () -> Http.get(sim("/jwks")).statusCode() == 200);
        nurseToken = Demo.userToken(simulatorPort(), Demo.NURSE_HPR);
        Await.until("adapter route answers", () -> Http.get("http://localhost:" + httpPort()
                + "/kjernebro/sykehjem-xml/v1/oppslag").statusCode() == 405);
    }

    @After
    public void liftFaults() throws Exception {
        Demo.exchange("DELETE", sim("/sim/faults"), null, null);
    }

    @Test
    public void systemTokensAreDpopBoundAndTicketsAreReused() throws Exception {
        assertEquals(200, lookup(Demo.NOTHING_CRITICAL_PATIENT).statusCode());
        String stats = Http.get(sim("/sim/stats")).body();
        assertEquals("no Bearer system token was issued: " + stats, 0, number(stats, "Bearer"));
        assertTrue("a DPoP token was issued: " + stats, number(stats, "DPoP") >= 1);

        Demo.exchange("DELETE", sim("/sim/stats"), null, null);
        assertEquals(200, lookup(OTHER_PATIENT).statusCode());
        assertEquals(200, lookup(OTHER_PATIENT).statusCode());
        String after = Http.get(sim("/sim/stats")).body();
        assertEquals("the second lookup reused the ticket: " + after, 1, number(after, "helseindikatorCalls"));
    }

    @Test
    public void criticalInformationUnavailableIsAuditedAndRecovers() throws Exception {
        fault("{\"api\":\"fhir\",\"status\":503}");
        HttpResponse<String> r = lookup(Demo.STATUS_4_PATIENT);
        assertEquals(r.body(), 503, r.statusCode());
        assertEquals("KJERNEJOURNAL_UNAVAILABLE", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("FAILED", record.get("outcome"));
        assertEquals("KJERNEJOURNAL_UNAVAILABLE", record.get("reason_code"));
        assertEquals("", record.get("sections"));

        Demo.exchange("DELETE", sim("/sim/faults/fhir"), null, null);
        // the circuit breaker may have opened: it lets a probe through after breaker.openSeconds
        Await.until("lookups answer again", 90_000, () -> lookup(Demo.STATUS_4_PATIENT).statusCode() == 200);
    }

    @Test
    public void rateLimitIsHonouredAndAudited() throws Exception {
        fault("{\"api\":\"helseindikator\",\"rateLimit\":{\"retryAfterSeconds\":2}}");
        HttpResponse<String> r = lookup(STATUS_3_PATIENT);
        assertEquals(r.body(), 429, r.statusCode());
        assertEquals("TOO_MANY_REQUESTS", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("FAILED", record.get("outcome"));
        assertEquals("TOO_MANY_REQUESTS", record.get("reason_code"));

        Demo.exchange("DELETE", sim("/sim/faults/helseindikator"), null, null);
        Await.until("lookups answer again after Retry-After", 90_000, () -> lookup(STATUS_3_PATIENT).statusCode() == 200);
    }

    @Test
    public void malformedAnswerIsAClearFailureNotACrash() throws Exception {
        fault("{\"api\":\"helseindikator\",\"malformed\":true,\"times\":1}");
        HttpResponse<String> r = lookup(CHILD_PATIENT);
        assertEquals(r.body(), 502, r.statusCode());
        assertEquals("KJERNEJOURNAL_REJECTED", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("FAILED", record.get("outcome"));
        assertEquals("KJERNEJOURNAL_REJECTED", record.get("reason_code"));
        assertFalse("no stack trace to the caller", r.body().contains("Exception"));

        Await.until("the next lookup is answered", 90_000, () -> lookup(CHILD_PATIENT).statusCode() == 200);
    }

    @Test
    public void oversizedAnswerIsRejectedWithoutReadingItAll() throws Exception {
        fault("{\"api\":\"fhir\",\"oversized\":true,\"oversizedBytes\":8000000,\"times\":1}");
        HttpResponse<String> r = lookup(OVERSIZED_PATIENT);
        assertEquals(r.body(), 502, r.statusCode());
        assertEquals("KJERNEJOURNAL_REJECTED", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("FAILED", record.get("outcome"));
        assertEquals("KJERNEJOURNAL_REJECTED", record.get("reason_code"));

        Await.until("the next lookup is answered", 90_000, () -> lookup(OVERSIZED_PATIENT).statusCode() == 200);
    }

    @Test
    public void medicationThatNeverAnswersIsAnUnavailableAnswerWithinTheDeadline() throws Exception {
        // every attempt is held far beyond the read timeout; the lookup's deadline ends the retries
        fault("{\"api\":\"legemidler\",\"timeout\":true,\"timeoutMs\":60000}");
        HttpResponse<String> r = lookup(TIMEOUT_PATIENT);
        assertEquals(r.body(), 503, r.statusCode());
        assertEquals("KJERNEJOURNAL_UNAVAILABLE", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("FAILED", record.get("outcome"));
        assertEquals("KJERNEJOURNAL_UNAVAILABLE", record.get("reason_code"));

        Demo.exchange("DELETE", sim("/sim/faults/legemidler"), null, null);
        Await.until("lookups answer again", 90_000, () -> lookup(TIMEOUT_PATIENT).statusCode() == 200);
    }

    @Test
    public void expiredUserTokenIsRefusedAndAudited() throws Exception {
        HttpResponse<String> minted = Http.post(sim("/testtoken"), "application/json",
                "{\"hprNumber\":\"" + Demo.NURSE_HPR + "\",\"variant\":\"expired\"}");
        assertEquals(minted.body(), 200, minted.statusCode());
        HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, Http.jsonField(minted.body(), "access_token"),
                Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", D_NUMBER_PATIENT,
                        UUID.randomUUID().toString()));
        assertEquals(r.body(), 401, r.statusCode());
        assertEquals("USER_TOKEN_INVALID", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals("USER_TOKEN_INVALID", record.get("reason_code"));
    }

    @Test
    public void anotherUsersTokenIsRefusedAsAMismatchAndAudited() throws Exception {
        String helsefagarbeiderToken = Demo.userToken(simulatorPort(), Demo.HF_HPR);
        HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, helsefagarbeiderToken, Demo.oppslag(Demo.ALTA,
                Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", D_NUMBER_PATIENT, UUID.randomUUID().toString()));
        assertEquals(r.body(), 403, r.statusCode());
        assertEquals("USER_TOKEN_MISMATCH", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals(Demo.NURSE_HPR, record.get("actor_id"));
    }

    @Test
    public void restrictedModuleIsFlaggedIncompleteUnlessThePatientConsents() throws Exception {
        HttpResponse<String> without = lookup(RESTRICTED_CRITICAL_INFO_PATIENT);
        assertEquals(without.body(), 200, without.statusCode());
        assertEquals("the EPJ is told the summary is incomplete", "false", Http.element(without.body(), "Fullstendig"));
        assertTrue(without.body(), without.body().contains("<Kode>MODUL_SPERRET</Kode>"));

        String withConsent = Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP",
                RESTRICTED_CRITICAL_INFO_PATIENT, UUID.randomUUID().toString()).replace("</Tilgangsgrunnlag>",
                "</Tilgangsgrunnlag><Tilleggssamtykke><SperretKritiskInfo>true</SperretKritiskInfo></Tilleggssamtykke>");
        HttpResponse<String> with = Demo.send(httpPort(), Demo.ALTA_KEY, nurseToken, withConsent);
        assertEquals(with.body(), 200, with.statusCode());
        assertEquals("true", Http.element(with.body(), "Fullstendig"));
        assertFalse(with.body(), with.body().contains("MODUL_SPERRET"));
        assertTrue("critical information shown with consent: " + with.body(),
                with.body().contains("<KritiskInformasjon>") || with.body().contains("<KritiskInformasjon "));
    }

    private HttpResponse<String> lookup(String patient) throws Exception {
        return Demo.send(httpPort(), Demo.ALTA_KEY, nurseToken, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR,
                Demo.NURSE_HPR, Demo.NURSE, "SP", patient, UUID.randomUUID().toString()));
    }

    private void fault(String json) throws Exception {
        HttpResponse<String> r = Http.post(sim("/sim/faults"), "application/json", json);
        assertTrue(r.body(), r.statusCode() / 100 == 2);
    }

    private String sim(String path) {
        return "http://localhost:" + simulatorPort() + path;
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

}
