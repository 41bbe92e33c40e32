package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import static no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.lookup.ErrorCode;
import org.junit.jupiter.api.Test;

class PatientListReaderTest {

    @Test
    void readsTheNumbersInOrderAndSkipsVendorFields() {
        String json = """
                {"source": {"system": "Omsorg Mobil", "tags": [1, [2, {"x": null}]]},
                 "patients": [
                   {"personnummer": "05902823095", "internalId": "PAS-1", "ward": {"name": "Sone sentrum"}},
                   {"internalId": "PAS-2", "personnummer": " 21874614847 "},
                   {"personnummer": "not-a-number"}
                 ],
                 "generatedAt": "2025-03-10T02:00:00+01:00"}
                """;

        assertThat(read(stream(json), 1 << 20)).containsExactly("05902823095", "21874614847", "not-a-number");
    }

    @Test
    void anEmptyListIsAList() {
        assertThat(read(stream("{\"patients\": []}"), 1024)).isEmpty();
    }

    @Test
    void eachBrokenFormHasItsCode() {
        assertProblem("{}", ErrorCode.INVALID_REQUEST, "missing field patients");
        assertProblem("{\"patients\": {}}", ErrorCode.INVALID_REQUEST, "patients must be an array");
        assertProblem("{\"patients\": [\"05902823095\"]}", ErrorCode.INVALID_REQUEST, "each entry of patients must be an object");
        assertProblem("{\"patients\": [{\"personnummer\": 5902823095}]}", ErrorCode.INVALID_REQUEST, "personnummer must be a string");
        assertProblem("{\"patients\": [{\"name\": \"x\"}]}", ErrorCode.INVALID_REQUEST, "an entry of patients has no personnummer");
        assertProblem("{\"patients\": [{\"personnummer\": \"1\", \"personnummer\": \"2\"}]}", ErrorCode.MALFORMED_MESSAGE,
                "a field is given twice");
        assertProblem("{\"patients\": [], \"patients\": []}", ErrorCode.MALFORMED_MESSAGE, "a field is given twice");
        assertProblem("{\"patients\": []} []", ErrorCode.MALFORMED_MESSAGE, "nothing may follow");
        assertProblem("[]", ErrorCode.MALFORMED_MESSAGE, "the body must be one JSON object");
        assertProblem("{\"patients\": [{\"personnummer\": \"1\"}", ErrorCode.MALFORMED_MESSAGE, "the JSON is not well-formed");
        assertProblem("{\"x\": " + "[".repeat(100) + "]".repeat(100) + ", \"patients\": []}", ErrorCode.MALFORMED_MESSAGE,
                "the JSON exceeds a limit");
    }

    @Test
    void aListLargerThanTheLimitIsCutOff() {
        assertThatThrownBy(() -> read(Fixtures.patientList(10_000), 50_000)).isInstanceOfSatisfying(PatientListException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void aLongListStreamsThrough() {
        int[] count = {0};
        try (PatientListReader reader = new PatientListReader(Fixtures.patientList(350_000), 20L << 20)) {
            reader.forEachRemaining(fnr -> count[0]++);
        }
        assertThat(count[0]).isEqualTo(350_000);
    }

    private static void assertProblem(String json, ErrorCode code, String message) {
        assertThatThrownBy(() -> read(stream(json), 1 << 20)).as(json)
                .isInstanceOfSatisfying(PatientListException.class, e -> {
                    assertThat(e.error()).isEqualTo(code);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    private static List<String> read(InputStream body, long max) {
        List<String> out = new ArrayList<>();
        try (PatientListReader reader = new PatientListReader(body, max)) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }
}
