package no.kjernebro.auditreview.internal.rules;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One tenant's review configuration, validated.
 *
 * @param kommunenummer the tenant
 * @param rules the enabled rule ids
 * @param timeZone days and working hours are reckoned here
 * @param workingHours null when not configured (OUTSIDE_WORKING_HOURS is then off)
 * @param maxPatientsPerActorPerDay HIGH_VOLUME threshold (more than this is a finding)
 * @param refusedMinAttempts REFUSED_ATTEMPTS threshold per health worker per day
 * @param refusedImmediateCodes reason codes where one refusal is enough
 * @param careRelationshipsFile null when not configured (OUTSIDE_CARE_RELATIONSHIP is then off)
 * @param intervalMinutes minutes between scheduled evaluations
 */
public record ReviewSettings(String kommunenummer, Set<String> rules, ZoneId timeZone, WorkingHours workingHours,
                             int maxPatientsPerActorPerDay, int refusedMinAttempts, Set<String> refusedImmediateCodes,
                             Path careRelationshipsFile, int intervalMinutes) {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    public ReviewSettings {
        if (kommunenummer == null || !kommunenummer.matches("\\d{4}")) {
            throw new IllegalArgumentException("kommunenummer must be four digits");
        }
        rules = Set.copyOf(rules);
        refusedImmediateCodes = Set.copyOf(refusedImmediateCodes);
        if (maxPatientsPerActorPerDay < 1 || refusedMinAttempts < 1 || intervalMinutes < 1) {
            throw new IllegalArgumentException("volume.maxPerActorPerDay, refused.minAttempts and evaluate.intervalMinutes must be at least 1");
        }
    }

    /** What a tenant without a review configuration gets when an auditor evaluates it by hand. */
    public static ReviewSettings defaults(String kommunenummer) {
        return new ReviewSettings(kommunenummer, Set.copyOf(ReviewRules.IDS), OSLO, null, 40, 3,
                Set.of("USER_TOKEN_MISMATCH", "PATIENT_BLOCKED_PERSONNEL"), null, 60);
    }

    static ReviewSettings from(ReviewConfiguration c, Path base) {
        Set<String> rules = list(c.rules());
        for (String r : rules) {
            if (!ReviewRules.IDS.contains(r)) {
                throw new IllegalArgumentException("rules: unknown rule " + r + " (known: " + String.join(", ", ReviewRules.IDS) + ")");
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timeZone() == null || c.timeZone().isBlank() ? "Europe/Oslo" : c.timeZone().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone: unknown zone " + c.timeZone());
        }
        String file = c.careRelationships_file();
        Path care = file == null || file.isBlank() ? null : base.resolve(file.trim());
        return new ReviewSettings(c.kommunenummer() == null ? null : c.kommunenummer().trim(),
                rules.isEmpty() ? Set.copyOf(ReviewRules.IDS) : rules, zone, WorkingHours.parse(c.workingHours()),
                c.volume_maxPerActorPerDay(), c.refused_minAttempts(), list(c.refused_immediateCodes()), care,
                c.evaluate_intervalMinutes());
    }

    boolean enabled(String rule) {
        return rules.contains(rule);
    }

    private static Set<String> list(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(","))
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
