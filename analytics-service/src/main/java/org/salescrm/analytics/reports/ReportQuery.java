package org.salescrm.analytics.reports;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.salescrm.platform.security.Caller;

/**
 * A native where-clause with its numbered parameters. Reports aggregate over several tables with SQL
 * an entity query cannot express, so the caller's scope is written here with the same rule as
 * {@code Visibility}: admin all, manager own and their teams', rep own.
 */
final class ReportQuery {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds a condition whose {@code ?} placeholders take the given values, in order. */
    ReportQuery where(String condition, Object... values) {
        conditions.add(placeholder(condition, values));
        return this;
    }

    /** Numbers the placeholders and records their values without adding the condition (for a FILTER clause). */
    String placeholder(String condition, Object... values) {
        StringBuilder sql = new StringBuilder();
        int next = 0;
        for (char ch : condition.toCharArray()) {
            if (ch == '?') {
                parameters.add(values[next++]);
                sql.append('$').append(parameters.size());
            } else {
                sql.append(ch);
            }
        }
        return sql.toString();
    }

    ReportQuery whereIfPresent(String condition, Object value) {
        return value == null ? this : where(condition, value);
    }

    ReportQuery scope(Caller caller, String ownerColumn, String teamColumn) {
        if (caller.isAdmin()) {
            return this;
        }
        if (caller.isManager() && !caller.visibleTeams().isEmpty()) {
            return where("(" + ownerColumn + " = ? OR " + teamColumn + " = ANY(?))", caller.id(),
                    caller.visibleTeams().toArray(String[]::new));
        }
        return where(ownerColumn + " = ?", caller.id());
    }

    String clause() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    Tuple tuple() {
        return Tuple.from(parameters);
    }
}
