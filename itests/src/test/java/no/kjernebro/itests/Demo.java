package no.kjernebro.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Demo data (docs/contracts.md) and the EPJ systems' messages (nursing home, home care), as the tests send them. */
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

    static final String HARSTAD = "5503";
    static final String HARSTAD_ORGNR = "990550301";
    static final String HARSTAD_KEY = "demo-harstad-5503";

    /** kjernejournal, nothing critical, medication dispensed (has news on a first check). */
    static final String NOTHING_CRITICAL_PATIENT = "21874614847";
    /** reserved against kjernejournal: Legemiddelvarsling answers "no kjernejournal". */
    static final String RESERVED_PATIENT = "04887734157";

    /** The home-care EPJ as it names itself in X-Client-System (recorded as the initiator of its sweeps). */
    static final String HOME_CARE_SYSTEM = "Omsorg Mobil/24.2";
    static final String HJEMMETJENESTE_BASE = "/kjernebro/hjemmetjeneste-json/v1";

    /** Every identity number of the simulator's dataset (docs/contracts.md), so generated ones avoid them. */
    private static final Set<String> DATASET = Set.of("05902823095", "04887734157", "21874614847", "16816932169",
            "20817723609", "11837043303", "55838510069", "12861550182", "02828814829", "07813132286", "14825014684",
            "18872738912", "19907012592", "08819116866", "10873837670", "04905938687", "27914315277", "19904429018",
            "04892838815", "22897449793", "12855119240", "23843039480", "10898327553", "24885641128");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

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

    // ---- home care (adapter hjemmetjeneste-json)

    /** A nurse's single lookup from the handheld, in the home-care vendor's JSON. */
    static String hjemmetjenesteOppslag(String kommune, String orgnr, String hpr, String name, String profession,
                                        String patient, String requestId) {
        return """
                {
                  "requestId": "%s",
                  "kommuneNr": "%s",
                  "orgNr": "%s",
                  "careUnit": "Hjemmesykepleien sone sentrum",
                  "clientSystem": { "name": "Omsorg Mobil", "version": "24.2" },
                  "employee": { "hprNr": "%s", "name": "%s", "helsepersonellKategori": "%s" },
                  "patient": { "personnummer": "%s", "internalId": "PAS-88123" },
                  "visitId": "besok-itest",
                  "tilgangsgrunnlag": "HPMOTTATTSAMTYKKE",
                  "include": ["personalia", "medisiner", "kritiskInfo"]
                }
                """.formatted(requestId, kommune, orgnr, hpr, name, profession, patient);
    }

    static HttpResponse<String> sendHjemmetjeneste(int httpPort, String apiKey, String userToken, String json)
            throws Exception {
        return Http.post("http://localhost:" + httpPort + HJEMMETJENESTE_BASE + "/oppslag", "application/json", json,
                "X-Api-Key", apiKey, "X-User-Access-Token", userToken);
    }

    /** The home-care EPJ's patient list (PUT .../pasientliste). */
    static String pasientliste(List<String> personnummer) {
        StringBuilder json = new StringBuilder("{\"generatedAt\":\"2026-11-25T01:55:00+01:00\",\"patients\":[");
        for (int i = 0; i < personnummer.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"personnummer\":\"").append(personnummer.get(i))
                    .append("\",\"internalId\":\"PAS-").append(10_000 + i).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** Any method with a body (null for none) and headers, as the sweep resources need (PUT, POST, GET). */
    static HttpResponse<String> exchange(String method, String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * {@code count} valid synthetic fødselsnumre (month + 80) that are not in the simulator's dataset, so
     * Legemiddelvarsling answers them from its synthetic model. Deterministic for one {@code year}.
     */
    static List<String> syntheticNumbers(int count, int year) {
        List<String> numbers = new ArrayList<>();
        for (int individual = 100; individual < 500 && numbers.size() < count; individual++) {
            for (int month = 1; month <= 12 && numbers.size() < count; month++) {
                String number = withCheckDigits(String.format("%02d%02d%02d%03d", 1 + individual % 28, month + 80,
                        year % 100, individual));
                if (number != null && !DATASET.contains(number) && !numbers.contains(number)) {
                    numbers.add(number);
                }
            }
        }
        return numbers;
    }

    /** The nine digits with their two mod-11 check digits, or null when the first nine admit none. */
    static String withCheckDigits(String nine) {
        int k1 = checkDigit(nine, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
        if (k1 < 0) {
            return null;
        }
        int k2 = checkDigit(nine + k1, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
        return k2 < 0 ? null : nine + k1 + k2;
    }

    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }

    /** The value of a JSON number or boolean field (first occurrence), or null. */
    static String jsonScalar(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+|true|false|null)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Every string value of this field, in order (e.g. all "personnummer" of a page of changes). */
    static List<String> jsonStrings(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
