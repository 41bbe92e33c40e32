package no.kjernebro.auditreview.internal.http.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.kjernebro.auditreview.internal.rules.Finding;
import no.kjernebro.auditreview.internal.rules.Findings;

/** Findings kept in a list; review replaces the finding. */
public class FakeFindings implements Findings {

    public final List<Finding> findings = new ArrayList<>();
    public final List<String> reviews = new ArrayList<>();

    public Finding add(String kommune, String rule, String patient) {
        Finding f = new Finding(findings.size() + 1, kommune, rule, "9100001", patient, List.of("KJB-000000000001"),
                Instant.parse("2026-11-02T08:00:00Z"), "Akutt tilgang brukt", Finding.Status.OPEN, null, null, null);
        findings.add(f);
        return f;
    }

    @Override
    public List<Finding> evaluate(String kommunenummer, Instant from, Instant to) {
        if (java.time.Duration.between(from, to).toDays() > 366) {
            throw new IllegalArgumentException("evaluate at most 366 days at a time");
        }
        return List.of(add(kommunenummer, "HPAKUTT", null));
    }

    @Override
    public List<Finding> list(String kommunenummer, Finding.Status status, String rule, long afterId, int limit) {
        return findings.stream()
                .filter(f -> kommunenummer == null || f.kommunenummer().equals(kommunenummer))
                .filter(f -> status == null || f.status() == status)
                .filter(f -> rule == null || f.rule().equals(rule))
                .filter(f -> afterId == 0 || f.id() < afterId)
                .sorted(Comparator.comparingLong(Finding::id).reversed())
                .limit(limit).toList();
    }

    @Override
    public Optional<Finding> get(long id) {
        return findings.stream().filter(f -> f.id() == id).findFirst();
    }

    @Override
    public Finding markReviewed(long id, String auditor, String comment) {
        Finding f = get(id).orElseThrow(() -> new IllegalArgumentException("unknown finding " + id));
        Finding reviewed = new Finding(f.id(), f.kommunenummer(), f.rule(), f.actorId(), f.patientId(),
                f.references(), f.detectedAt(), f.description(), Finding.Status.REVIEWED, auditor,
                Instant.parse("2026-11-03T09:00:00Z"), comment);
        findings.set(findings.indexOf(f), reviewed);
        reviews.add(auditor + ": " + comment);
        return reviewed;
    }
}
