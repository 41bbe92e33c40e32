package no.kjernebro.auditreview.internal.shell;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.Outcome;
import org.apache.karaf.shell.support.CommandException;

/** Reading options and writing values, the same way in every audit command. Times are shown in Norwegian time. */
final class Cli {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Cli() {
    }

    /** A kommunenummer or the system chain. */
    static String chain(String value, String option) throws CommandException {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("\\d{4}") && !AuditEntry.SYSTEM_CHAIN.equals(v)) {
            throw new CommandException(option + " must be a four-digit kommunenummer or " + AuditEntry.SYSTEM_CHAIN);
        }
        return v;
    }

    static String kommunenummer(String value, String option) throws CommandException {
        if (value != null && !value.trim().matches("\\d{4}")) {
            throw new CommandException(option + " must be a four-digit kommunenummer");
        }
        return value == null ? null : value.trim();
    }

    static String patient(String value, String option) throws CommandException {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("\\s", "");
        if (!NationalIdentityNumber.isValid(v)) {
            throw new CommandException(option + " " + NationalIdentityNumber.mask(v) + " is not a valid national identity number");
        }
        return v;
    }

    /**
     * A start time: {@code 2025-03-02} (start of that day), {@code 2025-03-02T14:30} (Norwegian time)
     * or an ISO instant with offset.
     */
    static Instant from(String value, String option) throws CommandException {
        return value == null ? null : parse(value, option, false);
    }

    /** An end time: a date means the end of that day (inclusive), a time is exclusive. */
    static Instant to(String value, String option) throws CommandException {
        return value == null ? null : parse(value, option, true);
    }

    static LocalDate date(String value, String option) throws CommandException {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw new CommandException(option + " must be a date like 2025-03-02, not '" + value + "'");
        }
    }

    private static Instant parse(String value, String option, boolean endOfDay) throws CommandException {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(OSLO).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(OSLO).toInstant();
        } catch (DateTimeException e) {
            throw new CommandException(option + " must be a date (2025-03-02), a local time (2025-03-02T14:30) or an ISO time"
                    + " with offset, not '" + value + "'");
        }
    }

    static Outcome outcome(String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return Outcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("--utfall must be one of " + Arrays.toString(Outcome.values()) + ", not '" + value + "'");
        }
    }

    static String time(Instant instant) {
        return instant == null ? "-" : SHOWN.format(instant.atZone(OSLO));
    }

    static String text(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** An identity number for a table: masked unless the auditor asked to see it. */
    static String patientColumn(String patientId, boolean show) {
        if (patientId == null) {
            return "-";
        }
        return show ? patientId : NationalIdentityNumber.mask(patientId);
    }

    static String actor(AuditEntry e) {
        if (e.actorName() == null || e.actorName().isBlank()) {
            return text(e.actorId());
        }
        return e.actorName() + " (" + text(e.actorId()) + ")";
    }
}
