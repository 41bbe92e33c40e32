package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.IOException;
import no.kjernebro.api.sweep.FindingsPage;
import no.kjernebro.api.sweep.PatientListReceipt;
import no.kjernebro.api.sweep.SweepFinding;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;

/** The sweep answers in the vendor's JSON: list receipt, progress, a page of changes, the callback. */
public final class SweepJson {

    private SweepJson() {
    }

    /** Where a sweep's progress is, relative to the server (Location header, links). */
    public static String sweepPath(String kommunenummer, String sweepId) {
        return HjemmetjenesteFormat.BASE_PATH + "/kommuner/" + kommunenummer + "/legemiddelsjekk/" + sweepId;
    }

    public static byte[] receipt(PatientListReceipt r) {
        return JsonOut.object(out -> {
            out.text("listId", r.listId()).text("kommuneNr", r.kommunenummer()).text("registeredAt", r.registeredAt())
                    .number("patientCount", r.patients()).number("added", r.added()).number("removed", r.removed())
                    .number("duplicates", r.duplicates()).number("invalid", r.invalid());
            out.startArray("invalidPositions");
            for (long position : r.invalidPositions()) {
                out.number(position);
            }
            out.endArray().text("fingerprint", "sha256:" + r.fingerprint());
        });
    }

    public static byte[] status(SweepStatus s) {
        return JsonOut.object(out -> status(out, s));
    }

    public static byte[] findings(FindingsPage page, String kommunenummer) {
        return JsonOut.object(out -> {
            out.text("sweepId", page.sweepId());
            out.startArray("items");
            for (SweepFinding f : page.findings()) {
                out.startObject().text("personnummer", f.fnr()).bool("hasKjernejournal", f.harKjernejournal())
                        .text("checkedAt", f.checkedAt()).endObject();
            }
            out.endArray();
            if (page.nextPageToken() == null) {
                out.nullField("nextPageToken");
            } else {
                out.text("nextPageToken", page.nextPageToken());
            }
        });
    }

    /** The callback: ids and counts only; the EPJ fetches the changes with its credential. */
    public static byte[] callback(SweepStatus s) {
        return JsonOut.object(out -> {
            out.text("event", s.state() == SweepState.FINISHED ? "legemiddelsjekk.ferdig" : "legemiddelsjekk.avbrutt");
            status(out, s);
        });
    }

    private static void status(JsonOut out, SweepStatus s) throws IOException {
        String self = sweepPath(s.kommunenummer(), s.sweepId());
        out.text("sweepId", s.sweepId()).text("kommuneNr", s.kommunenummer()).text("listId", s.listId())
                .text("state", s.state());
        out.startObject("startedBy").text("type", s.initiator().type()).text("id", s.initiator().id()).endObject();
        out.startObject("progress").number("patientsDone", s.patientsDone()).number("patientsTotal", s.patientsTotal())
                .number("percent", s.patientsTotal() == 0 ? 100 : s.patientsDone() * 100 / s.patientsTotal())
                .number("batches", s.batches()).endObject();
        out.number("patientsWithChanges", s.patientsWithNewMedication());
        if (s.lastError() == null) {
            out.nullField("lastError");
        } else {
            out.startObject("lastError").text("errorCode", s.lastError())
                    .text("detail", IdentityMasking.mask(s.lastErrorMessage())).number("attempts", s.attempts())
                    .endObject();
        }
        out.text("createdAt", s.createdAt()).text("updatedAt", s.updatedAt()).text("finishedAt", s.finishedAt())
                .text("callbackStatus", s.callbackState());
        out.startObject("links").text("self", self).text("changes", self + "/endringer").endObject();
    }
}
