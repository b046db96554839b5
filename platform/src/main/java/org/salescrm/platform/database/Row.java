package org.salescrm.platform.database;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * One row of a native query, its columns read by name (the select list's column or alias). The
 * readers accept what the PostgreSQL client may answer for a column type, so a query can be
 * reworded without touching the code that reads it. A row is Hibernate's tuple, or for a read that declares its
 * columns ({@link Columns}) the bare array of its values.
 */
public final class Row {

    private final Tuple tuple;
    private final Object[] values;
    private final Columns columns;

    Row(Tuple tuple) {
        this(tuple, null, null);
    }

    Row(Object[] values, Columns columns) {
        this(null, values, columns);
        if (values.length != columns.size()) {
            throw new IllegalStateException("the query selects " + values.length + " columns, not the "
                    + columns.size() + " declared");
        }
    }

    private Row(Tuple tuple, Object[] values, Columns columns) {
        this.tuple = tuple;
        this.values = values;
        this.columns = columns;
    }

    public Object value(String column) {
        return tuple != null ? tuple.get(column) : values[columns.position(column)];
    }

    public String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    public UUID uuid(String column) {
        Object value = value(column);
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /** A count or another whole number; SQL's NULL reads as 0. */
    public long number(String column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Integer integer(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public double real(String column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(value(column));
    }

    public BigDecimal decimal(String column) {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    public Instant instant(String column) {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException(column + " is not a timestamp: " + value.getClass());
    }

    public LocalDate date(String column) {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalArgumentException(column + " is not a date: " + value.getClass());
    }
}
