package no.kjernebro.medicationsweep.internal;

import java.nio.charset.StandardCharsets;
import no.kjernebro.api.sweep.SweepCallbackFormat;
import no.kjernebro.api.sweep.SweepStatus;

/**
 * The notification used when the sweep's adapter registered no format of its own: a small JSON object
 * of ids, counts and the state. Every value is an id or a code Kjernebro made, so escaping quotes and
 * backslashes is all the JSON needs.
 */
final class DefaultCallbackFormat implements SweepCallbackFormat {

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] render(SweepStatus s) {
        String json = "{\"sweepId\":" + str(s.sweepId())
                + ",\"kommunenummer\":" + str(s.kommunenummer())
                + ",\"state\":" + str(s.state().name())
                + ",\"patientsTotal\":" + s.patientsTotal()
                + ",\"patientsDone\":" + s.patientsDone()
                + ",\"patientsWithNewMedication\":" + s.patientsWithNewMedication()
                + ",\"finishedAt\":" + (s.finishedAt() == null ? "null" : str(s.finishedAt().toString()))
                + ",\"lastError\":" + (s.lastError() == null ? "null" : str(s.lastError()))
                + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
