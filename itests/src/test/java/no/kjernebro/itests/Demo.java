package no.kjernebro.itests;

import java.net.http.HttpResponse;

/** Demo data (docs/contracts.md) and the nursing-home EPJ's messages, as the tests send them. */
final class Demo {

    static final String ALTA = "5601";
    static final String ALTA_ORGNR = "990560102";
    static final String ALTA_KEY = "demo-alta-5601";
    static final String LYNGEN = "5536";
    static final String LYNGEN_ORGNR = "990553602";
    static final String LYNGEN_KEY = "demo-lyngen-5536";

    static final String NURSE_HPR = "9100002";
    static final String NURSE = "Siv Testsykepleier";
    static final String HF_HPR = "9100005";
    static final String HF = "Hanne Testhelsefagarbeider";

    static final String STATUS_4_PATIENT = "05902823095";
    /** the status-4 patient's number with its last check digit changed. */
    static final String BAD_CHECKSUM = "05902823096";

    private Demo() {
    }

    /** A user token from the simulator's test token service, as the EPJ gets it at login. */
    static String userToken(int simulatorPort, String hpr) throws Exception {
        HttpResponse<String> r = Http.post("http://localhost:" + simulatorPort + "/testtoken", "application/json",
                "{\"hprNumber\":\"" + hpr + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("test token for " + hpr + ": " + r.statusCode() + " " + r.body());
        }
        return Http.jsonField(r.body(), "access_token");
    }

    static String oppslag(String kommune, String orgnr, String hpr, String name, String profession,
                          String patient, String correlationId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <KjernejournalOppslag xmlns="urn:no:kjernebro:epj:sykehjem:oppslag:v1">
                  <MeldingsId>%s</MeldingsId>
                  <Avsender>
                    <Kommunenummer>%s</Kommunenummer>
                    <Organisasjonsnummer>%s</Organisasjonsnummer>
                    <Enhet>Testsykehjemmet, avdeling 2</Enhet>
                    <System><Navn>Omsorgsjournal</Navn><Versjon>4.2.1</Versjon></System>
                  </Avsender>
                  <Bruker>
                    <HprNummer>%s</HprNummer>
                    <Navn>%s</Navn>
                    <Helsepersonellkategori>%s</Helsepersonellkategori>
                  </Bruker>
                  <Pasient><Fodselsnummer>%s</Fodselsnummer></Pasient>
                  <Tjenestested>LANGTID</Tjenestested>
                  <Tilgangsgrunnlag>HPMOTTATTSAMTYKKE</Tilgangsgrunnlag>
                </KjernejournalOppslag>
                """.formatted(correlationId, kommune, orgnr, hpr, name, profession, patient);
    }

    static HttpResponse<String> send(int httpPort, String apiKey, String userToken, String xml) throws Exception {
        return Http.post("http://localhost:" + httpPort + "/kjernebro/sykehjem-xml/v1/oppslag", "application/xml", xml,
                "X-Api-Key", apiKey, "X-HelseID-Brukertoken", userToken);
    }
}
