package no.kjernebro.medicationsweep.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a municipality's sweep runs: every interval ({@code 6h}, {@code 90m}, {@code 1d} or ISO-8601
 * {@code PT6H}), or daily at a local time ({@code 02:30} or {@code daily 02:30}). A start missed while
 * Kjernebro was down is made up once, at once.
 */
sealed interface Schedule {

    Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /**
     * The next start.
     *
     * @param lastStart when the latest sweep started, or null if there was none
     */
    Instant next(Instant lastStart, Instant now);

    record Every(Duration interval) implements Schedule {
        @Override
        public Instant next(Instant lastStart, Instant now) {
            if (lastStart == null) {
                return now;
            }
            Instant due = lastStart.plus(interval);
            return due.isBefore(now) ? now : due;
        }
    }

    record DailyAt(LocalTime time, ZoneId zone) implements Schedule {
        @Override
        public Instant next(Instant lastStart, Instant now) {
            Instant after = lastStart == null ? now : lastStart;
            ZonedDateTime local = after.atZone(zone);
            ZonedDateTime candidate = local.with(time);
            if (!candidate.toInstant().isAfter(after)) {
                candidate = local.plusDays(1).with(time);
            }
            Instant due = candidate.toInstant();
            return due.isBefore(now) ? now : due;
        }
    }

    Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([mhd])");
    Pattern DAILY = Pattern.compile("(?:daily\\s+)?(\\d{1,2}:\\d{2})");

    static Schedule parse(String text, ZoneId zone) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher daily = DAILY.matcher(s);
        if (daily.matches()) {
            try {
                return new DailyAt(LocalTime.parse(daily.group(1).length() == 4 ? "0" + daily.group(1) : daily.group(1)),
                        zone);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time of day (HH:mm)");
            }
        }
        Duration interval;
        Matcher shorthand = SHORT.matcher(s);
        if (shorthand.matches()) {
            long n = Long.parseLong(shorthand.group(1));
            interval = switch (shorthand.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                interval = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is neither an interval (6h, 90m, 1d, PT6H) nor a"
                        + " daily time (02:30)");
            }
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the interval must be at least one minute");
        }
        return new Every(interval);
    }
}
