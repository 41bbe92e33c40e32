package no.kjernebro.adapter.sykehjemxml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.kjernebro.adapter.sykehjemxml.internal.xml.Dom;
import no.kjernebro.adapter.sykehjemxml.internal.xml.OppslagFormat;
import no.kjernebro.adapter.sykehjemxml.internal.xml.Xsd;
import no.kjernebro.adapterkit.conformance.AdapterConformanceTest;
import no.kjernebro.adapterkit.conformance.AdapterEnvironment;
import no.kjernebro.adapterkit.conformance.AdapterUnderTest;
import no.kjernebro.adapterkit.conformance.Answer;
import no.kjernebro.adapterkit.conformance.Demo;
import no.kjernebro.adapterkit.conformance.Dialect;
import no.kjernebro.adapterkit.conformance.Hostility;
import no.kjernebro.adapterkit.conformance.KitHttp;
import no.kjernebro.adapterkit.conformance.LookupInput;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Samtykker;
import org.apache.camel.RoutesBuilder;

/** The adapter kit's conformance tests, spoken in sykehjem-xml over HTTP; every answer is also schema-checked. */
class SykehjemXmlConformanceTest extends AdapterConformanceTest {

    @Override
    protected AdapterUnderTest adapterUnderTest(AdapterEnvironment environment) {
        return new SykehjemXmlUnderTest(environment);
    }

    private static final class SykehjemXmlUnderTest implements AdapterUnderTest {

        private static final int MAX_BYTES = 4096;

        private final AdapterEnvironment environment;

        SykehjemXmlUnderTest(AdapterEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public String adapterId() {
            return OppslagFormat.ADAPTER_ID;
        }

        @Override
        public Dialect dialect() {
            return Dialect.XML;
        }

        @Override
        public RoutesBuilder routes(LookupService lookupService) {
            return new SykehjemXmlRoutes(lookupService, MAX_BYTES);
        }

        @Override
        public Answer send(LookupInput input) throws IOException, InterruptedException {
            return post(oppslag(input.kommunenummer(), input.patientId(), Demo.PROFESSION), input.credential());
        }

        @Override
        public Answer sendInvalidCode(String patientId) throws IOException, InterruptedException {
            return post(oppslag(Demo.KOMMUNENUMMER, patientId, "XX"), Demo.API_KEY);
        }

        @Override
        public Answer sendWithSamtykker(LookupInput input, Samtykker samtykker) throws IOException, InterruptedException {
            String tillegg = "<Tilleggssamtykke><SperretKritiskInfo>" + samtykker.sperretKritiskInfo()
                    + "</SperretKritiskInfo><SperretLegemidler>" + samtykker.sperretLegemidler()
                    + "</SperretLegemidler><LasteResepter>" + samtykker.lasteResepter()
                    + "</LasteResepter></Tilleggssamtykke>";
            return post(withTillegg(oppslag(input.kommunenummer(), input.patientId(), Demo.PROFESSION), tillegg),
                    input.credential());
        }

        @Override
        public Answer sendInvalidSamtykke(String patientId) throws IOException, InterruptedException {
            return post(withTillegg(oppslag(Demo.KOMMUNENUMMER, patientId, Demo.PROFESSION),
                    "<Tilleggssamtykke><SperretLegemidler>ja</SperretLegemidler></Tilleggssamtykke>"), Demo.API_KEY);
        }

        @Override
        public boolean saysComplete(Answer answer) {
            Dom dom = Dom.of(answer.body());
            String fullstendig = dom.text("/s:" + OppslagFormat.SVAR + "/s:Fullstendig");
            assertThat(fullstendig).as("KjernejournalSvar/Fullstendig").isIn("true", "false");
            boolean merknader = dom.count("/s:" + OppslagFormat.SVAR + "/s:Merknader/s:Merknad") > 0;
            assertThat(merknader).as("Merknader exactly when not complete").isEqualTo(fullstendig.equals("false"));
            return Boolean.parseBoolean(fullstendig);
        }

        @Override
        public Answer sendMalformed() throws IOException, InterruptedException {
            String valid = oppslag(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION);
            return post(valid.substring(0, valid.indexOf("<Pasient>")), Demo.API_KEY);
        }

        @Override
        public Answer sendHostile(Hostility hostility, Path secretFile) throws IOException, InterruptedException {
            String body = oppslag(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION);
            String doctype = switch (hostility) {
                case XML_EXTERNAL_ENTITY -> "<!DOCTYPE KjernejournalOppslag [\n <!ENTITY x SYSTEM \"" + secretFile.toUri()
                        + "\">\n]>\n";
                case XML_ENTITY_EXPANSION -> "<!DOCTYPE KjernejournalOppslag [\n" + Hostility.billionLaughsEntities()
                        + "]>\n";
                case XML_EXTERNAL_DTD -> "<!DOCTYPE KjernejournalOppslag SYSTEM \"http://127.0.0.1:9/kit.dtd\">\n";
                default -> throw new IllegalArgumentException("not an XML hostility: " + hostility);
            };
            String entity = hostility == Hostility.XML_ENTITY_EXPANSION ? "&lol9;" : "&x;";
            String unit = hostility == Hostility.XML_EXTERNAL_DTD ? "Alta sykehjem" : entity;
            return post("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype
                    + body.replace("<Enhet>Alta sykehjem</Enhet>", "<Enhet>" + unit + "</Enhet>"), Demo.API_KEY);
        }

        @Override
        public Answer sendOversized() throws IOException, InterruptedException {
            String valid = oppslag(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION);
            return post(valid + "<!--" + "x".repeat(MAX_BYTES) + "-->", Demo.API_KEY);
        }

        private Answer post(String xml, String apiKey) throws IOException, InterruptedException {
            Map<String, String> headers = new HashMap<>();
            headers.put(OppslagFormat.API_KEY_HEADER, apiKey);
            headers.put(OppslagFormat.USER_TOKEN_HEADER, Demo.USER_TOKEN);
            HttpResponse<byte[]> response = KitHttp.post(environment.uri("/kjernebro/sykehjem-xml/v1/oppslag"),
                    "application/xml", headers, xml.getBytes(StandardCharsets.UTF_8));
            return read(response);
        }

        // A KjernejournalSvar or a Feilmelding, each valid against the schema; anything else is not ours.
        private static Answer read(HttpResponse<byte[]> response) {
            boolean xml = response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml");
            if (!xml) {
                return Answer.of(response, false, null);
            }
            Xsd.validate(response.body());
            Dom dom = Dom.of(response.body());
            if (dom.count("/s:" + OppslagFormat.SVAR) == 1) {
                return Answer.of(response, true, null);
            }
            return Answer.of(response, false, dom.text("/s:" + OppslagFormat.FEILMELDING + "/s:Kode"));
        }

        private static String withTillegg(String oppslag, String tillegg) {
            return oppslag.replace("</Tilgangsgrunnlag>", "</Tilgangsgrunnlag>\n  " + tillegg);
        }

        private static String oppslag(String kommunenummer, String patientId, String profession) {
            return """
                    <KjernejournalOppslag xmlns="urn:no:kjernebro:epj:sykehjem:oppslag:v1">
                      <MeldingsId>kit-%d</MeldingsId>
                      <Avsender>
                        <Kommunenummer>%s</Kommunenummer>
                        <Organisasjonsnummer>%s</Organisasjonsnummer>
                        <Enhet>Alta sykehjem</Enhet>
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
                    """.formatted(System.nanoTime(), kommunenummer, Demo.ORGNR, Demo.HPR_NUMBER, Demo.HPR_NAME,
                    profession, patientId);
        }
    }
}
