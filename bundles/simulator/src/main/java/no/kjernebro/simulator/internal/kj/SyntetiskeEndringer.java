package no.kjernebro.simulator.internal.kj;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Medication changes for valid identity numbers that are not in the dataset, so load tests can sweep
 * hundreds of thousands of patients. Each (number, day) pair decides from a hash whether that patient
 * had a change that day and at which second, so answers are repeatable, cost no memory, and a patient
 * reported once is not reported again by the next check unless another change happened since.
 */
final class SyntetiskeEndringer {

    /** Beyond this many days since the last check, some change is as good as certain. */
    private static final int MAX_DAYS = 400;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final double shareOfPatientsPerDay;
    private final ZoneId zone;

    SyntetiskeEndringer(double shareOfPatientsPerDay, ZoneId zone) {
        this.shareOfPatientsPerDay = shareOfPatientsPerDay;
        this.zone = zone;
    }

    /**
     * @param fnr 11 digits, already validated
     * @param sistSjekket the previous check; null the first time, when everything is new
     */
    boolean nyInformasjon(String fnr, Instant sistSjekket, Instant now) {
        if (sistSjekket == null) {
            return true; // the first check reports what the patient has; synthetic patients all use medication
        }
        if (shareOfPatientsPerDay <= 0 || !sistSjekket.isBefore(now)) {
            return false;
        }
        LocalDate first = LocalDate.ofInstant(sistSjekket, zone);
        LocalDate last = LocalDate.ofInstant(now, zone);
        if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            return true;
        }
        long key = Long.parseLong(fnr);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant change = endring(key, day);
            if (change != null && change.isAfter(sistSjekket) && !change.isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    /** The moment of the patient's change on that day, or null for a day without one. */
    Instant endring(long key, LocalDate day) {
        long h = mix(key * GOLDEN_GAMMA + day.toEpochDay());
        double draw = (h >>> 11) * 0x1.0p-53;
        if (draw >= shareOfPatientsPerDay) {
            return null;
        }
        long secondOfDay = Math.floorMod(mix(h), 86_400L);
        return day.atStartOfDay(zone).toInstant().plusSeconds(secondOfDay);
    }

    // SplitMix64's finalizer: cheap, and every input bit affects every output bit.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
