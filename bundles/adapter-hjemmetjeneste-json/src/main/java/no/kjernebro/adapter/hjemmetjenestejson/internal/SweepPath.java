package no.kjernebro.adapter.hjemmetjenestejson.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat;

/**
 * The sweep resources under {@code .../v1/kommuner/{kommuneNr}/}: which one a path names, and with
 * which municipality and sweep id. Anything else is {@link Resource#UNKNOWN}.
 */
record SweepPath(Resource resource, String kommunenummer, String sweepId) {

    enum Resource {
        /** PUT: register or replace the patient list. */
        PATIENT_LIST("PUT"),
        /** POST: start (or resume) a sweep. */
        SWEEPS("POST"),
        /** GET: the latest sweep's progress. */
        LATEST("GET"),
        /** GET: one sweep's progress. */
        SWEEP("GET"),
        /** GET: a page of the sweep's patients with new medication information. */
        CHANGES("GET"),
        UNKNOWN("");

        final String method;

        Resource(String method) {
            this.method = method;
        }
    }

    private static final String PREFIX = HjemmetjenesteFormat.BASE_PATH + "/kommuner/";
    private static final Pattern PATH = Pattern.compile(
            "(\\d{4})/(pasientliste|legemiddelsjekk(?:/([A-Za-z0-9-]{1,64})(/endringer)?)?)/?");

    static SweepPath parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return new SweepPath(Resource.UNKNOWN, null, null);
        }
        Matcher m = PATH.matcher(path.substring(PREFIX.length()));
        if (!m.matches()) {
            return new SweepPath(Resource.UNKNOWN, null, null);
        }
        String kommunenummer = m.group(1);
        if (m.group(2).equals("pasientliste")) {
            return new SweepPath(Resource.PATIENT_LIST, kommunenummer, null);
        }
        String id = m.group(3);
        if (id == null) {
            return new SweepPath(Resource.SWEEPS, kommunenummer, null);
        }
        if (m.group(4) != null) {
            return new SweepPath(Resource.CHANGES, kommunenummer, id);
        }
        return id.equals("siste") ? new SweepPath(Resource.LATEST, kommunenummer, null)
                : new SweepPath(Resource.SWEEP, kommunenummer, id);
    }
}
