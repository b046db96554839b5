package org.salescrm.analytics.delivery.webhook;

import org.salescrm.platform.security.Caller;

/**
 * The subscriptions a caller may see and delete, as SQL on {@code webhook_subscription}: an
 * admin all; a manager those for their own teams only, the ones they could have created. An
 * all-teams subscription, or one that also covers another team, stays an admin's.
 *
 * @param clause the condition, using {@code $n} for its parameter when it has one
 * @param teams the manager's teams, bound as that parameter; null for an admin
 */
record WebhookScope(String clause, String[] teams) {

    static WebhookScope of(Caller caller, int parameter) {
        if (caller.isAdmin()) {
            return new WebhookScope("TRUE", null);
        }
        String[] teams = caller.visibleTeams().toArray(String[]::new);
        return new WebhookScope("(cardinality(s.teams) > 0 AND s.teams <@ $" + parameter + "::text[])", teams);
    }
}
