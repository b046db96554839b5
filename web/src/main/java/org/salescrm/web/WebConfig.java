package org.salescrm.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** What the single-page app needs to know at run time; every key can be set by environment variable. */
@ConfigMapping(prefix = "crm.web")
public interface WebConfig {

    Oidc oidc();

    Api api();

    /**
     * Lets the app start with an access token handed to it instead of a Keycloak login, so browser
     * tests can run without the login form. Never on outside tests.
     */
    @WithDefault("false")
    boolean testLogin();

    /**
     * The business time zone the services count days in ({@code crm.time-zone}, env {@code CRM_TIME_ZONE}), so the
     * app's "today" and the times it prefills are theirs, not the browser's.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    interface Oidc {
        String authority();

        String clientId();
    }

    /** Base URL per service; "/" (or blank) means the same origin as the page, as behind the Ingress. */
    interface Api {
        String customer();

        String visit();

        String target();

        String analytics();
    }
}
