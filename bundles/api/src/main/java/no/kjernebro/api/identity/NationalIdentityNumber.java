package no.kjernebro.api.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated Norwegian national identity number: fødselsnummer, D-number or H-number, real or
 * synthetic (month + 80, as national test data uses). Instances only exist for numbers whose two mod-11 check digits and
 * embedded birth date are valid. {@link #toString()} is masked so an instance can never leak into a
 * log line by accident; {@link #value()} gives the digits for bodies and headers.
 */
public final class NationalIdentityNumber {

    /** Which register the number belongs to. */
    public enum Kind {
        /** fødselsnummer from Folkeregisteret. */
        FNR("urn:oid:2.16.578.1.12.4.1.4.1"),
        /** D-number: first digit + 4. */
        DNR("urn:oid:2.16.578.1.12.4.1.4.2"),
        /** H-number (help number): month + 40. */
        HNR("urn:oid:2.16.578.1.12.4.1.4.3");

        private final String oid;

        Kind(String oid) {
            this.oid = oid;
        }

        /** The identifier system (OID URN) used in FHIR and audit records. */
        public String oid() {
            return oid;
        }
    }

    private static final int[] WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private final String value;
    private final Kind kind;
    private final boolean synthetic;
    private final LocalDate birthDate;

    private NationalIdentityNumber(String value, Kind kind, boolean synthetic, LocalDate birthDate) {
        this.value = value;
        this.kind = kind;
        this.synthetic = synthetic;
        this.birthDate = birthDate;
    }

    /**
     * Parses and validates a number.
     *
     * @return the number, or empty when it is not 11 digits, a check digit is wrong or the date is impossible
     */
    public static Optional<NationalIdentityNumber> parse(String candidate) {
        if (candidate == null || candidate.length() != 11) {
            return Optional.empty();
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            d[i] = c - '0';
        }
        if (checkDigit(d, WEIGHTS_1) != d[9] || checkDigit(d, WEIGHTS_2) != d[10]) {
            return Optional.empty();
        }
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        Kind kind = Kind.FNR;
        boolean synthetic = false;
        if (day > 40) {
            kind = Kind.DNR;
            day -= 40;
        }
        if (month > 80) {
            synthetic = true;
            month -= 80;
        } else if (month > 40) {
            kind = Kind.HNR;
            month -= 40;
        }
        int yy = d[4] * 10 + d[5];
        int individual = d[6] * 100 + d[7] * 10 + d[8];
        Optional<LocalDate> birth = birthDate(day, month, century(individual, yy) + yy);
        Kind found = kind;
        boolean test = synthetic;
        return birth.map(b -> new NationalIdentityNumber(candidate, found, test, b));
    }

    /** True when {@link #parse(String)} would accept the candidate. */
    public static boolean isValid(String candidate) {
        return parse(candidate).isPresent();
    }

    /**
     * Masks any string that might be an identity number for a log line: every character but the
     * last two becomes {@code *}, so {@code 12345678901} is logged as {@code *********01}. Null-safe.
     */
    public static String mask(String candidate) {
        if (candidate == null) {
            return "null";
        }
        if (candidate.length() <= 2) {
            return "*".repeat(candidate.length());
        }
        return "*".repeat(candidate.length() - 2) + candidate.substring(candidate.length() - 2);
    }

    // The individual number decides the century (Skatteetaten's rules for Folkeregisteret).
    private static int century(int individual, int yy) {
        if (individual <= 499) {
            return 1900;
        }
        if (individual >= 900 && yy >= 40) {
            return 1900;
        }
        if (individual <= 749 && yy >= 54) {
            return 1800;
        }
        return 2000;
    }

    private static Optional<LocalDate> birthDate(int day, int month, int year) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int k = 11 - (sum % 11);
        return k == 11 ? 0 : k; // 10 never equals a digit, so such numbers fail the comparison
    }

    /** The 11 digits. Put them in bodies or headers, never in a URL or a log line. */
    public String value() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    /** True for synthetic test numbers (month + 80), the only kind demo and test data may use. */
    public boolean synthetic() {
        return synthetic;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Age in whole years on the given date. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalIdentityNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return mask(value);
    }
}
