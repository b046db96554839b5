package org.salescrm.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request. Request-scoped so that singletons (resources, services)
 * can hold it and still see each request's own caller.
 */
@RequestScoped
public class CurrentCaller {

    static final String TEAM_CLAIM = "team";
    static final String TEAMS_CLAIM = "teams";

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = fromIdentity(identity);
        }
        return caller;
    }

    static Caller fromIdentity(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException("a bearer token is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.claimValue())) {
                roles.add(role);
            }
        }
        return new Caller(token.getSubject(), roles, token.getClaim(TEAM_CLAIM), teams(token.getClaim(TEAMS_CLAIM)));
    }

    private static Set<String> teams(Object claim) {
        Set<String> teams = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> teams.add(unquote(value.toString())));
        } else if (claim != null) {
            teams.add(unquote(claim.toString()));
        }
        return teams;
    }

    /** JSON-P string values print with their quotes. */
    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
