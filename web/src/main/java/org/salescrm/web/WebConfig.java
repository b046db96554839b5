package org.salescrm.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
