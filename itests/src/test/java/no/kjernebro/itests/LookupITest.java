package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * One nursing-home lookup end to end over real HTTP: adapter, core, simulator, audit database and
 * audit forwarding, in the booted distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LookupITest extends KjernebroTestSupport {

    private String nurseToken;

    @Before
    public void ready() throws Exception {
        Await.until("simulator answers", () -> Http.get("http://localhost:" + simulatorPort() + "/jwks").statusCode() == 200);
        nurseToken = Demo.userToken(simulatorPort(), Demo.NURSE_HPR);
        Await.until("adapter route answers", () -> Http.get(adapterUrl()).statusCode() == 405);
    }

    @Test
    public void status4PatientIsReturnedWithEverySectionAndTheAccessIsAudited() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, nurseToken, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR,
                Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, correlationId));

        assertEquals(r.body(), 200, r.statusCode());
        String xml = r.body();
        assertEquals("4", Http.element(xml, "Status"));
        for (String section : new String[] {"PERSONALIA", "FASTLEGE", "PAARORENDE", "LEGEMIDLER",
            "KRITISK_INFORMASJON", "VAKSINER", "BESOKSHISTORIKK", "EGNE_REGISTRERINGER"}) {
            assertTrue("section " + section + " in " + xml, xml.contains("<Del>" + section + "</Del>"));
        }
        assertNotNull("personalia rendered", Http.element(xml, "Etternavn"));
        String reference = Http.element(xml, "Loggreferanse");
        assertNotNull("audit reference in the answer", reference);

        Map<String, String> record = auditRecord(reference);
        assertEquals("ALLOWED", record.get("outcome"));
        assertEquals(Demo.STATUS_4_PATIENT, record.get("patient_id"));
        assertEquals(Demo.ALTA, record.get("kommunenummer"));
        assertEquals(Demo.ALTA_ORGNR, record.get("orgnr"));
        assertEquals(Demo.NURSE_HPR, record.get("actor_id"));
        assertEquals("SP", record.get("profession_or_role"));
        assertEquals("sykehjem-xml", record.get("adapter_id"));
        assertEquals("SYKEHJEM_LANGTID", record.get("service_context"));
        assertEquals("HPMOTTATTSAMTYKKE", record.get("access_basis"));
        assertEquals(correlationId, record.get("correlation_id"));
        assertTrue(record.get("sections"), record.get("sections").contains("LEGEMIDLER"));
        assertEquals(64, record.get("hash").length());

        // the outbox forwards the record to the (simulated) national audit endpoint as a BALP AuditEvent
        Await.until("audit event forwarded", () -> Http.get("http://localhost:" + simulatorPort() + "/sim/audit-events")
                .body().contains(reference));
    }

    @Test
    public void helsefagarbeiderIsRefusedAndTheAttemptIsAudited() throws Exception {
        String token = Demo.userToken(simulatorPort(), Demo.HF_HPR);
        HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, token, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR,
                Demo.HF_HPR, Demo.HF, "HF", Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));

        assertEquals(r.body(), 403, r.statusCode());
        assertEquals("PROFESSION_NOT_ALLOWED", Http.element(r.body(), "Kode"));
        assertFalse("no patient data in a refusal", r.body().contains("Personalia"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals("PROFESSION_NOT_ALLOWED", record.get("reason_code"));
        assertEquals(Demo.HF_HPR, record.get("actor_id"));
        assertEquals("", record.get("sections"));
    }

    @Test
    public void invalidIdentityNumberIsRejectedAndAudited() throws Exception {
        HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, nurseToken, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR,
                Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.BAD_CHECKSUM, UUID.randomUUID().toString()));

        assertEquals(r.body(), 422, r.statusCode());
        assertEquals("INVALID_PATIENT_ID", Http.element(r.body(), "Kode"));
        assertFalse("the number is not echoed", r.body().contains(Demo.BAD_CHECKSUM));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals(Demo.BAD_CHECKSUM, record.get("patient_id"));
    }

    @Test
    public void municipalityThatHasNotEnabledTheAdapterIsRefused() throws Exception {
        HttpResponse<String> r = Demo.send(httpPort(), Demo.LYNGEN_KEY, nurseToken, Demo.oppslag(Demo.LYNGEN,
                Demo.LYNGEN_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));

        assertEquals(r.body(), 403, r.statusCode());
        assertEquals("ADAPTER_NOT_ENABLED", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals(Demo.LYNGEN, record.get("kommunenummer"));
    }

    @Test
    public void wrongCredentialIsRefused() throws Exception {
        HttpResponse<String> r = Demo.send(httpPort(), "not-the-key", nurseToken, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR,
                Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));

        assertEquals(r.body(), 401, r.statusCode());
        assertEquals("BAD_CREDENTIAL", Http.element(r.body(), "Kode"));
        Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
    }

    @Test
    public void kjernejournalUnreachableIsAnUnavailableAnswerAuditedAsFailed() throws Exception {
        Bundle simulator = bundle("no.kjernebro.simulator");
        simulator.stop();
        try {
            HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, nurseToken, Demo.oppslag(Demo.ALTA,
                    Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));

            assertEquals(r.body(), 503, r.statusCode());
            assertEquals("KJERNEJOURNAL_UNAVAILABLE", Http.element(r.body(), "Kode"));
            assertFalse("no stack trace to the caller", r.body().contains("Exception"));
            Map<String, String> record = auditRecord(Http.element(r.body(), "Loggreferanse"));
            assertEquals("FAILED", record.get("outcome"));
            assertEquals("KJERNEJOURNAL_UNAVAILABLE", record.get("reason_code"));
        } finally {
            simulator.start();
        }
    }

    @Test
    public void lookupsFailClosedWhileTheAuditLogIsDown() throws Exception {
        Bundle audit = bundle("no.kjernebro.audit");
        audit.stop();
        try {
            HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, nurseToken, Demo.oppslag(Demo.ALTA,
                    Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));

            assertEquals(r.body(), 503, r.statusCode());
            assertEquals("AUDIT_UNAVAILABLE", Http.element(r.body(), "Kode"));
            assertFalse("no patient data without a committed record", r.body().contains("Personalia"));
        } finally {
            audit.start();
        }
        Await.until("lookups work again once the audit log is back", () -> Demo.send(httpPort(), Demo.ALTA_KEY,
                nurseToken, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP",
                        Demo.STATUS_4_PATIENT, UUID.randomUUID().toString())).statusCode() == 200);
    }

    @Test
    public void changingATenantFileTakesEffectWithoutARestart() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("karaf.etc"), "no.kjernebro.tenant-5601.cfg");
        String original = java.nio.file.Files.readString(file);
        long coreId = bundle("no.kjernebro.core").getBundleId();
        try {
            java.nio.file.Files.writeString(file, original.replaceFirst("(?m)^enabled\\s*=\\s*true", "enabled = false"));
            Await.until("Alta disabled", () -> "TENANT_DISABLED".equals(Http.element(Demo.send(httpPort(), Demo.ALTA_KEY,
                    nurseToken, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP",
                            Demo.STATUS_4_PATIENT, UUID.randomUUID().toString())).body(), "Kode")));
        } finally {
            java.nio.file.Files.writeString(file, original);
        }
        Await.until("Alta enabled again", () -> Demo.send(httpPort(), Demo.ALTA_KEY, nurseToken, Demo.oppslag(Demo.ALTA,
                Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT,
                UUID.randomUUID().toString())).statusCode() == 200);
        assertEquals("core was not restarted", Bundle.ACTIVE, bundle("no.kjernebro.core").getState());
        assertEquals(coreId, bundle("no.kjernebro.core").getBundleId());
    }

    private String adapterUrl() {
        return "http://localhost:" + httpPort() + "/kjernebro/sykehjem-xml/v1/oppslag";
    }

}
