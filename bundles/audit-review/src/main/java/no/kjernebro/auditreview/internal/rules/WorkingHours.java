package no.kjernebro.auditreview.internal.rules;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's working hours, e.g. {@code Mon-Fri 07:00-16:00, Sat-Sun 08:00-15:00}. A day that is not
 * named has no working hours at all. A range whose end is before its start runs past midnight
 * ({@code Mon-Sun 22:00-07:30} is a night shift), and {@code 24:00} ends a day. Norwegian day
 * abbreviations ({@code man-fre}) are accepted as well, since the people writing the file are.
 */
public final class WorkingHours {

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("man", DayOfWeek.MONDAY),
            Map.entry("tir", DayOfWeek.TUESDAY), Map.entry("ons", DayOfWeek.WEDNESDAY),
            Map.entry("tor", DayOfWeek.THURSDAY), Map.entry("fre", DayOfWeek.FRIDAY),
            Map.entry("lør", DayOfWeek.SATURDAY), Map.entry("lor", DayOfWeek.SATURDAY),
            Map.entry("søn", DayOfWeek.SUNDAY), Map.entry("son", DayOfWeek.SUNDAY));

    private static final Pattern ENTRY = Pattern.compile(
            "(\\p{L}{3})(?:-(\\p{L}{3}))?\\s+((?:\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}\\s*)+)");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    /** One shift starting on {@code day}; minutes of the day, {@code end <= start} means it ends the next day. */
    private record Shift(DayOfWeek day, int start, int end) {
        boolean covers(DayOfWeek d, int minute) {
            if (end > start) {
                return d == day && minute >= start && minute < end;
            }
            return (d == day && minute >= start) || (d == day.plus(1) && minute < end);
        }
    }

    private final List<Shift> shifts;
    private final String text;

    private WorkingHours(List<Shift> shifts, String text) {
        this.shifts = List.copyOf(shifts);
        this.text = text;
    }

    /**
     * Parses the configured text.
     *
     * @return null when the text is blank (the rule is off)
     * @throws IllegalArgumentException when it cannot be read; the message says which part
     */
    public static WorkingHours parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Shift> shifts = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("workingHours: cannot read '" + entry
                        + "' (expected e.g. 'Mon-Fri 07:00-16:00')");
            }
            DayOfWeek first = day(m.group(1), entry);
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2), entry);
            Matcher r = RANGE.matcher(m.group(3));
            while (r.find()) {
                int start = minute(r.group(1), r.group(2), entry);
                int end = minute(r.group(3), r.group(4), entry);
                if (start == end) {
                    throw new IllegalArgumentException("workingHours: empty range in '" + entry + "'");
                }
                for (DayOfWeek d = first; ; d = d.plus(1)) {
                    shifts.add(new Shift(d, start, end));
                    if (d == last) {
                        break;
                    }
                }
            }
        }
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("workingHours: no ranges in '" + text + "'");
        }
        return new WorkingHours(shifts, text.trim());
    }

    /** True when the local time lies within a shift. */
    public boolean contains(LocalDateTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        DayOfWeek d = time.getDayOfWeek();
        for (Shift s : shifts) {
            if (s.covers(d, minute)) {
                return true;
            }
        }
        return false;
    }

    private static DayOfWeek day(String name, String entry) {
        DayOfWeek d = DAYS.get(name.toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException("workingHours: unknown day '" + name + "' in '" + entry + "'");
        }
        return d;
    }

    private static int minute(String hours, String minutes, String entry) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException("workingHours: bad time " + hours + ":" + minutes + " in '" + entry + "'");
        }
        return h * 60 + m;
    }

    @Override
    public String toString() {
        return text;
    }
}
