package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The home-care adapter ({@code hjemmetjeneste-json}) in the booted distribution, over real HTTP:
 * a nurse's single lookup during a visit, and the medication-change sweep (patient list, batched
 * Legemiddelvarsling against the simulator, progress, findings, remembered timestamps, audit trail,
 * credentials, callback).
 *
 * <p>Alta (5601) carries the sweep test; Harstad (5503) the callback test, so the two never share a
 * patient list or its last-check timestamps whatever order JUnit runs them in.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HjemmetjenesteITest extends KjernebroTestSupport {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<![0-9A-Za-z])\\d{11}(?![0-9A-Za-z])"); // not inside a UUID
    private static final String PROBLEM_JSON = "application/problem+json";

    private String nurseToken;

    @Before
    public void ready() throws Exception {
        Await.until("boot features installed", 180_000,
                () -> bundleContext.getServiceReference("org.apache.karaf.features.BootFinished") != null);
        Await.until("simulator answers", () -> Http.get(simulator("/jwks")).statusCode() == 200);
        nurseToken = Demo.userToken(simulatorPort(), Demo.NURSE_HPR);
        Await.until("home-care lookup route answers", () -> Http.get(base("/oppslag")).statusCode() == 405);
        // the sweep resources answer 503 SERVICE_UNAVAILABLE until the sweep service is up
        Await.until("sweep service up", 60_000, () -> bundleContext.getServiceReference(
                "no.kjernebro.api.sweep.MedicationSweeps") != null
                && sweepCall("GET", Demo.ALTA, "/legemiddelsjekk/siste", null, Demo.ALTA_KEY).statusCode() != 503);
    }

    // ---- (a) single lookups

    @Test
    public void nurseLookupDuringAVisitReturnsMedicationAndCriticalInfoAndIsAudited() throws Exception {
        String requestId = "hb-itest-" + UUID.randomUUID();
        HttpResponse<String> r = Demo.sendHjemmetjeneste(httpPort(), Demo.ALTA_KEY, nurseToken, Demo.hjemmetjenesteOppslag(
                Demo.ALTA, Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, requestId));

        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String json = r.body();
        assertEquals(requestId, Http.jsonField(json, "requestId"));
        assertEquals("status-4 patient", "4", Demo.jsonScalar(json, "code"));
        assertEquals("true", Demo.jsonScalar(json, "hasMedications"));
        assertEquals(Demo.STATUS_4_PATIENT, Http.jsonField(json, "personnummer"));
        assertNotNull("personalia included", Http.jsonField(json, "lastName"));
        assertTrue("medication items: " + json, json.matches("(?s).*\"medisiner\"\\s*:\\s*\\{.*\"items\"\\s*:\\s*\\[\\s*\\{.*"));
        assertTrue("a medicine in the list", json.contains("\"LEGEMIDDEL\""));
        assertTrue("critical information: " + json, json.matches("(?s).*\"kritiskInfo\"\\s*:\\s*\\[\\s*\\{.*"));
        assertFalse("a part not asked for is absent", json.contains("\"vaksiner\""));

        String auditRef = Http.jsonField(json, "auditRef");
        assertNotNull("audit reference in the answer", auditRef);
        Map<String, String> record = auditRecord(auditRef);
        assertEquals("PATIENT_LOOKUP", record.get("event_type"));
        assertEquals("ALLOWED", record.get("outcome"));
        assertEquals(Demo.STATUS_4_PATIENT, record.get("patient_id"));
        assertEquals(Demo.ALTA, record.get("kommunenummer"));
        assertEquals(Demo.NURSE_HPR, record.get("actor_id"));
        assertEquals("SP", record.get("profession_or_role"));
        assertEquals("hjemmetjeneste-json", record.get("adapter_id"));
        assertEquals("HJEMMETJENESTE", record.get("service_context"));
        assertEquals("HPMOTTATTSAMTYKKE", record.get("access_basis"));
        assertEquals(requestId, record.get("correlation_id"));
        assertTrue(record.get("sections"), record.get("sections").contains("LEGEMIDLER"));
        assertTrue(record.get("sections"), record.get("sections").contains("KRITISK_INFORMASJON"));
    }

    @Test
    public void helsefagarbeiderIsRefusedInTheDialectsProblemFormatAndAudited() throws Exception {
        String token = Demo.userToken(simulatorPort(), Demo.HF_HPR);
        String requestId = "hb-itest-" + UUID.randomUUID();
        HttpResponse<String> r = Demo.sendHjemmetjeneste(httpPort(), Demo.ALTA_KEY, token, Demo.hjemmetjenesteOppslag(
                Demo.ALTA, Demo.ALTA_ORGNR, Demo.HF_HPR, Demo.HF, "HF", Demo.STATUS_4_PATIENT, requestId));

        assertEquals(r.body(), 403, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        assertEquals("PROFESSION_NOT_ALLOWED", Http.jsonField(r.body(), "errorCode"));
        assertEquals("REFUSED", Http.jsonField(r.body(), "outcome"));
        assertFalse("no patient data in a refusal", r.body().contains("\"medisiner\""));
        assertFalse("the identity number is not echoed", r.body().contains(Demo.STATUS_4_PATIENT));
        Map<String, String> record = auditRecord(Http.jsonField(r.body(), "auditRef"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals("PROFESSION_NOT_ALLOWED", record.get("reason_code"));
        assertEquals(Demo.HF_HPR, record.get("actor_id"));
        assertEquals("HJEMMETJENESTE", record.get("service_context"));
        assertEquals(Demo.STATUS_4_PATIENT, record.get("patient_id"));
        assertEquals("", record.get("sections"));
    }

    // ---- (b) the sweep

    @Test
    public void sweepReportsNewMedicationOnceAndAuditsEveryPatient() throws Exception {
        List<String> synthetic = Demo.syntheticNumbers(220, 1933);
        List<String> list = new ArrayList<>(List.of(Demo.STATUS_4_PATIENT, Demo.NOTHING_CRITICAL_PATIENT,
                Demo.RESERVED_PATIENT));
        list.addAll(synthetic);
        int invalidPosition = list.size();
        list.add(Demo.BAD_CHECKSUM);
        list.add(Demo.STATUS_4_PATIENT); // a duplicate counts once
        Set<String> valid = new TreeSet<>(list);
        valid.remove(Demo.BAD_CHECKSUM);

        // register the list
        HttpResponse<String> put = sweepCall("PUT", Demo.ALTA, "/pasientliste", Demo.pasientliste(list), Demo.ALTA_KEY);
        assertEquals(put.body(), 200, put.statusCode());
        assertEquals(Integer.toString(valid.size()), Demo.jsonScalar(put.body(), "patientCount"));
        assertEquals("1", Demo.jsonScalar(put.body(), "invalid"));
        assertEquals("1", Demo.jsonScalar(put.body(), "duplicates"));
        assertTrue(put.body(), put.body().matches("(?s).*\"invalidPositions\"\\s*:\\s*\\[\\s*" + invalidPosition + "\\s*].*"));
        assertFalse("no identity number in the receipt", ELEVEN_DIGITS.matcher(put.body()).find());
        String listId = Http.jsonField(put.body(), "listId");
        assertTrue(Http.jsonField(put.body(), "fingerprint").startsWith("sha256:"));

        Map<String, String> registration = single(auditRows("SELECT * FROM kjb_audit_record WHERE correlation_id = ?", listId));
        assertEquals("ADMINISTRATION", registration.get("event_type"));
        assertEquals("PATIENT_LIST_REPLACED", registration.get("reason_code"));
        assertEquals("ALLOWED", registration.get("outcome"));
        assertEquals("SYSTEM", registration.get("actor_type"));
        assertEquals(Demo.HOME_CARE_SYSTEM, registration.get("actor_id"));
        assertEquals(Demo.ALTA, registration.get("kommunenummer"));
        assertNull("the registration names no patient", registration.get("patient_id"));

        // first sweep: every patient is checked for the first time
        long t0 = System.nanoTime();
        String first = startSweep(Demo.ALTA, Demo.ALTA_KEY, null);
        String done = awaitFinished(Demo.ALTA, Demo.ALTA_KEY, first);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Integer.toString(valid.size()), Demo.jsonScalar(done, "patientsDone"));
        assertEquals(Integer.toString(valid.size()), Demo.jsonScalar(done, "patientsTotal"));
        assertEquals("100", Demo.jsonScalar(done, "percent"));
        assertEquals("batches of the service's maximum (100)", Integer.toString((valid.size() + 99) / 100),
                Demo.jsonScalar(done, "batches"));
        assertEquals("null", Demo.jsonScalar(done, "lastError"));
        assertEquals(listId, Http.jsonField(done, "listId"));
        assertEquals(Demo.HOME_CARE_SYSTEM, Http.jsonField(done, "id"));

        List<String> firstFindings = findings(Demo.ALTA, Demo.ALTA_KEY, first);
        assertEquals("the findings are the sweep's count", Demo.jsonScalar(done, "patientsWithChanges"),
                Integer.toString(firstFindings.size()));
        assertTrue("the dataset patient with medication: " + firstFindings, firstFindings.contains(Demo.STATUS_4_PATIENT));
        assertTrue(firstFindings.contains(Demo.NOTHING_CRITICAL_PATIENT));
        assertTrue("a first check of a synthetic patient always has news", firstFindings.containsAll(synthetic));
        assertFalse("a reserved patient has no kjernejournal", firstFindings.contains(Demo.RESERVED_PATIENT));
        assertFalse(firstFindings.contains(Demo.BAD_CHECKSUM));

        Map<String, String> started = single(auditRows("SELECT * FROM kjb_audit_record WHERE correlation_id = ?", first));
        assertEquals("SYSTEM_QUERY", started.get("event_type"));
        assertEquals("SWEEP_STARTED", started.get("reason_code"));
        assertEquals("SYSTEM", started.get("actor_type"));
        assertEquals(Demo.HOME_CARE_SYSTEM, started.get("actor_id"));
        assertTrue(started.get("reason"), started.get("reason").contains(listId));

        List<Map<String, String>> perPatient = auditRows("SELECT * FROM kjb_audit_record WHERE correlation_id LIKE ?", first + "/%");
        Set<String> audited = new TreeSet<>();
        for (Map<String, String> row : perPatient) {
            audited.add(row.get("patient_id"));
            assertEquals("SYSTEM_QUERY", row.get("event_type"));
            assertEquals("SYSTEM", row.get("actor_type"));
            assertEquals("the initiator", Demo.HOME_CARE_SYSTEM, row.get("actor_id"));
            assertEquals("hjemmetjeneste-json", row.get("adapter_id"));
            assertEquals(Demo.ALTA, row.get("kommunenummer"));
            assertEquals(Demo.ALTA_ORGNR, row.get("orgnr"));
            assertEquals("ALLOWED", row.get("outcome"));
            assertEquals("LEGEMIDDELVARSLING", row.get("reason_code"));
        }
        assertEquals("one record per swept patient", valid.size(), perPatient.size());
        assertEquals("every patient on the list, and only those", valid, audited);

        HttpResponse<String> latest = sweepCall("GET", Demo.ALTA, "/legemiddelsjekk/siste", null, Demo.ALTA_KEY);
        assertEquals(latest.body(), 200, latest.statusCode());
        assertEquals(first, Http.jsonField(latest.body(), "sweepId"));

        // second sweep right after: the last-check timestamps were remembered
        long t1 = System.nanoTime();
        String second = startSweep(Demo.ALTA, Demo.ALTA_KEY, null);
        assertNotEquals("a finished sweep is not restarted", first, second);
        String secondDone = awaitFinished(Demo.ALTA, Demo.ALTA_KEY, second);
        long secondMs = (System.nanoTime() - t1) / 1_000_000;
        assertEquals(Integer.toString(valid.size()), Demo.jsonScalar(secondDone, "patientsDone"));
        List<String> secondFindings = findings(Demo.ALTA, Demo.ALTA_KEY, second);
        assertTrue("fewer findings on the second check: " + secondFindings.size() + " of " + firstFindings.size(),
                secondFindings.size() < firstFindings.size());
        assertFalse("news reported once is not reported again", secondFindings.contains(Demo.STATUS_4_PATIENT));
        assertFalse(secondFindings.contains(Demo.NOTHING_CRITICAL_PATIENT));
        assertEquals(valid.size(), auditRows("SELECT patient_id FROM kjb_audit_record WHERE correlation_id LIKE ?",
                second + "/%").size());
        System.out.printf("HJEMMETJENESTE sweep of %d patients: first %d ms (%d with news), second %d ms (%d with news)%n",
                valid.size(), firstMs, firstFindings.size(), secondMs, secondFindings.size());
    }

    // ---- (c) credentials on the sweep resources

    @Test
    public void sweepResourcesRefuseMissingAndWrongCredentialsWithAProblem() throws Exception {
        int listRecords = auditRows("SELECT seq FROM kjb_audit_record WHERE reason_code = 'PATIENT_LIST_REPLACED'").size();
        String list = Demo.pasientliste(List.of(Demo.STATUS_4_PATIENT));

        assertProblem(401, "BAD_CREDENTIAL", sweepCall("PUT", Demo.ALTA, "/pasientliste", list, "not-the-key"));
        assertProblem(401, "MISSING_CREDENTIAL", sweepCall("PUT", Demo.ALTA, "/pasientliste", list, null));
        assertProblem(401, "BAD_CREDENTIAL", sweepCall("POST", Demo.ALTA, "/legemiddelsjekk", null, "not-the-key"));
        assertProblem(401, "MISSING_CREDENTIAL", sweepCall("POST", Demo.ALTA, "/legemiddelsjekk", null, null));
        assertProblem(401, "BAD_CREDENTIAL", sweepCall("GET", Demo.ALTA, "/legemiddelsjekk/siste", null, "not-the-key"));
        // another municipality's (valid) key does not open Alta's sweeps
        assertProblem(401, "BAD_CREDENTIAL", sweepCall("GET", Demo.ALTA, "/legemiddelsjekk/siste", null, Demo.HARSTAD_KEY));
        assertProblem(401, "BAD_CREDENTIAL", sweepCall("GET", Demo.ALTA, "/legemiddelsjekk/sw-x/endringer", null, "nope"));
        // a municipality that has not enabled the adapter
        assertProblem(403, "ADAPTER_NOT_ENABLED", sweepCall("PUT", Demo.LYNGEN, "/pasientliste", list, Demo.LYNGEN_KEY));

        assertEquals("a refused registration changed nothing", listRecords,
                auditRows("SELECT seq FROM kjb_audit_record WHERE reason_code = 'PATIENT_LIST_REPLACED'").size());
    }

    // ---- (d) callback

    @Test
    public void callbackNotifiesTheEpjWithoutNamingAPatient() throws Exception {
        // a callback URL may not carry an identity number
        HttpResponse<String> refused = sweepCall("POST", Demo.HARSTAD, "/legemiddelsjekk",
                "{\"callbackUrl\":\"http://localhost:1/hooks/" + Demo.STATUS_4_PATIENT + "\"}", Demo.HARSTAD_KEY);
        assertProblem(422, "INVALID_CALLBACK_URL", refused);

        List<String> list = new ArrayList<>(List.of(Demo.STATUS_4_PATIENT, Demo.NOTHING_CRITICAL_PATIENT));
        list.addAll(Demo.syntheticNumbers(30, 1962));
        HttpResponse<String> put = sweepCall("PUT", Demo.HARSTAD, "/pasientliste", Demo.pasientliste(list), Demo.HARSTAD_KEY);
        assertEquals(put.body(), 200, put.statusCode());

        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        // com.sun.* is boot-delegated in Karaf's config.properties, so the JDK's server is usable from the probe
        HttpServer epj = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        epj.createContext("/hooks/kjernebro", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Notification(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        epj.start();
        try {
            String callbackUrl = "http://127.0.0.1:" + epj.getAddress().getPort() + "/hooks/kjernebro?kilde=itest";
            String sweepId = startSweep(Demo.HARSTAD, Demo.HARSTAD_KEY, callbackUrl);
            awaitFinished(Demo.HARSTAD, Demo.HARSTAD_KEY, sweepId);

            Notification n = received.poll(60, TimeUnit.SECONDS);
            assertNotNull("the EPJ was notified", n);
            assertEquals("POST", n.method());
            assertEquals("/hooks/kjernebro?kilde=itest", n.uri());
            assertTrue(n.contentType(), n.contentType().startsWith("application/json"));
            assertEquals("legemiddelsjekk.ferdig", Http.jsonField(n.body(), "event"));
            assertEquals(sweepId, Http.jsonField(n.body(), "sweepId"));
            assertEquals(Demo.HARSTAD, Http.jsonField(n.body(), "kommuneNr"));
            assertEquals(Integer.toString(list.size()), Demo.jsonScalar(n.body(), "patientsDone"));
            assertFalse("no identity number in the notification: " + n.body(), ELEVEN_DIGITS.matcher(n.body()).find());
            for (String fnr : list) {
                assertFalse(n.body().contains(fnr));
            }
            Await.until("callback recorded as delivered", () -> "DELIVERED".equals(Http.jsonField(
                    sweepCall("GET", Demo.HARSTAD, "/legemiddelsjekk/" + sweepId, null, Demo.HARSTAD_KEY).body(),
                    "callbackStatus")));
            assertNull("delivered once", received.poll(1, TimeUnit.SECONDS));
        } finally {
            epj.stop(0);
        }
    }

    record Notification(String method, String uri, String contentType, String body) {
    }

    // ---- helpers

    private String startSweep(String kommune, String key, String callbackUrl) throws Exception {
        HttpResponse<String> r = callbackUrl == null
                ? sweepCall("POST", kommune, "/legemiddelsjekk", null, key)
                : sweepCall("POST", kommune, "/legemiddelsjekk", "{\"callbackUrl\":\"" + callbackUrl + "\"}", key);
        assertEquals(r.body(), 202, r.statusCode());
        String sweepId = Http.jsonField(r.body(), "sweepId");
        assertNotNull(r.body(), sweepId);
        assertEquals(Demo.HJEMMETJENESTE_BASE + "/kommuner/" + kommune + "/legemiddelsjekk/" + sweepId,
                r.headers().firstValue("Location").orElse(null));
        return sweepId;
    }

    /** Polls the sweep's progress until it is FINISHED; returns the last progress document. */
    private String awaitFinished(String kommune, String key, String sweepId) throws Exception {
        String[] last = new String[1];
        Await.until("sweep " + sweepId + " finished", 120_000, () -> {
            HttpResponse<String> r = sweepCall("GET", kommune, "/legemiddelsjekk/" + sweepId, null, key);
            assertEquals(r.body(), 200, r.statusCode());
            last[0] = r.body();
            String state = Http.jsonField(r.body(), "state");
            assertNotEquals("sweep interrupted: " + r.body(), "INTERRUPTED", state);
            return "FINISHED".equals(state);
        });
        return last[0];
    }

    /** Every patient of the sweep's changes, page by page. */
    private List<String> findings(String kommune, String key, String sweepId) throws Exception {
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            HttpResponse<String> r = sweepCall("GET", kommune, "/legemiddelsjekk/" + sweepId + "/endringer?pageSize=100"
                    + (token == null ? "" : "&pageToken=" + token), null, key);
            assertEquals(r.body(), 200, r.statusCode());
            all.addAll(Demo.jsonStrings(r.body(), "personnummer"));
            token = Http.jsonField(r.body(), "nextPageToken");
            assertTrue("runaway paging", ++pages < 100);
        } while (token != null);
        assertEquals("no patient twice", new LinkedHashSet<>(all).size(), all.size());
        return all;
    }

    private HttpResponse<String> sweepCall(String method, String kommune, String path, String body, String key)
            throws Exception {
        List<String> headers = new ArrayList<>(List.of("X-Client-System", Demo.HOME_CARE_SYSTEM));
        if (key != null) {
            headers.addAll(List.of("X-Api-Key", key));
        }
        return Demo.exchange(method, base("/kommuner/" + kommune + path), body == null ? null : "application/json",
                body, headers.toArray(new String[0]));
    }

    private static void assertProblem(int status, String errorCode, HttpResponse<String> r) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        assertEquals(r.body(), errorCode, Http.jsonField(r.body(), "errorCode"));
        assertFalse("no stack trace", r.body().contains("Exception"));
    }


    private static Map<String, String> single(List<Map<String, String>> rows) {
        assertEquals("exactly one audit record: " + rows, 1, rows.size());
        return rows.get(0);
    }


    private String base(String path) {
        return "http://localhost:" + httpPort() + Demo.HJEMMETJENESTE_BASE + path;
    }

    private String simulator(String path) {
        return "http://localhost:" + simulatorPort() + path;
    }
}
