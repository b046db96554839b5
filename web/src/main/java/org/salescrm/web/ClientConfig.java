package org.salescrm.web;

/** The JSON the app reads at start: where to log in, where each service answers, and the business time zone. */
public record ClientConfig(Oidc oidc, Api api, boolean testLogin, String timeZone) {

    public record Oidc(String authority, String clientId) {
    }

    public record Api(String customer, String visit, String target, String analytics) {
    }

    static ClientConfig from(WebConfig config) {
        WebConfig.Api api = config.api();
        return new ClientConfig(
                new Oidc(config.oidc().authority(), config.oidc().clientId()),
                new Api(base(api.customer()), base(api.visit()), base(api.target()), base(api.analytics())),
                config.testLogin(),
                config.timeZone().getId());
    }

    /** Without a trailing slash, so "/" becomes "" and the app calls its own origin. */
    private static String base(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
