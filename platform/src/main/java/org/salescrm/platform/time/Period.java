package org.salescrm.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;

/**
 * A period as goals and reports write it: a year ({@code 2026}), quarter ({@code 2026-Q4}), month ({@code 2026-11}) or
 * ISO week ({@code 2026-W47}), with its first and last business day, both included.
 */
public record Period(String code, Kind kind, LocalDate start, LocalDate end) {

    public enum Kind { YEAR, QUARTER, MONTH, WEEK }

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q(\\d)$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");
    private static final int FIRST_YEAR = 1900;
    public static final String RULE = "must be a year (2026), a quarter (2026-Q1 to 2026-Q4), a month (2026-01 to 2026-12) "
            + "or an ISO week (2026-W01 to the year's last week)";

    /** Parses strictly; anything else is a 422 naming {@code field}. */
    public static Period parse(String code, String field) {
        Period period = code == null ? null : tryParse(code);
        if (period == null) {
            throw Problems.ruleViolated("validation", List.of(new FieldViolation(field, "period", RULE)),
                    "validation", field);
        }
        return period;
    }

    /** The period, or null when the code is not one. */
    public static Period tryParse(String code) {
        Matcher m;
        if ((m = YEAR.matcher(code)).matches()) {
            int year = year(m);
            return year < 0 ? null : year(year);
        }
        if ((m = QUARTER.matcher(code)).matches()) {
            int year = year(m);
            int quarter = Integer.parseInt(m.group(2));
            return year < 0 || quarter < 1 || quarter > 4 ? null : quarter(year, quarter);
        }
        if ((m = MONTH.matcher(code)).matches()) {
            int year = year(m);
            int month = Integer.parseInt(m.group(2));
            return year < 0 || month < 1 || month > 12 ? null : month(YearMonth.of(year, month));
        }
        if ((m = WEEK.matcher(code)).matches()) {
            int year = year(m);
            int week = Integer.parseInt(m.group(2));
            return year < 0 || week < 1 || week > weeksIn(year) ? null : week(year, week);
        }
        return null;
    }

    /** True when the other period lies wholly inside this one (a period contains itself). */
    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean includes(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The period of the same kind just before this one: 2026-Q1 → 2025-Q4, 2026-W01 → 2025-W52 or W53. */
    public Period previous() {
        return switch (kind) {
            case YEAR -> year(start.getYear() - 1);
            case QUARTER -> {
                LocalDate before = start.minusMonths(3);
                yield quarter(before.getYear(), before.get(IsoFields.QUARTER_OF_YEAR));
            }
            case MONTH -> month(YearMonth.from(start).minusMonths(1));
            case WEEK -> {
                LocalDate before = start.minusWeeks(1);
                yield week(before.get(IsoFields.WEEK_BASED_YEAR), before.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
        };
    }

    private static int year(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        return year < FIRST_YEAR ? -1 : year;
    }

    private static Period year(int year) {
        return new Period(String.valueOf(year), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(year + "-Q" + quarter, Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
    }

    private static Period month(YearMonth month) {
        return new Period(String.format("%04d-%02d", month.getYear(), month.getMonthValue()), Kind.MONTH,
                month.atDay(1), month.atEndOfMonth());
    }

    private static Period week(int weekBasedYear, int week) {
        LocalDate start = LocalDate.of(weekBasedYear, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
        return new Period(String.format("%04d-W%02d", weekBasedYear, week), Kind.WEEK, start, start.plusDays(6));
    }

    /** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
    static long weeksIn(int year) {
        return LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    }
}
