package no.kjernebro.medicationsweep.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamp and text binding that behaves the same on H2 and PostgreSQL. */
final class Sql {

    private Sql() {
    }

    static void setTime(PreparedStatement ps, int index, OffsetDateTime time) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, time.withOffsetSameInstant(ZoneOffset.UTC));
        }
    }

    static void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        setTime(ps, index, time == null ? null : time.atOffset(ZoneOffset.UTC));
    }

    static OffsetDateTime offsetTime(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = offsetTime(rs, column);
        return t == null ? null : t.toInstant();
    }

    /** Cuts text to a column's width so a long message never fails a write. */
    static String fit(String text, int width) {
        if (text == null || text.length() <= width) {
            return text;
        }
        return text.substring(0, width - 1) + "…";
    }
}
