package org.salescrm.testsupport.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Shows what a service learns from a test token: who is calling, in which team, with which roles. */
@Path("/api/v1/caller")
public class CallerResource {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CallerResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Authenticated
    public Map<String, Object> caller() {
        return Map.of(
                "user", token.getName(),
                "team", Optional.ofNullable(token.getClaim("team")).map(Object::toString).orElse(""),
                "teams", Optional.ofNullable(token.<Object>getClaim("teams")).map(Object::toString).orElse(""),
                "roles", List.copyOf(new TreeSet<>(identity.getRoles())));
    }

    @GET
    @Path("/team-report")
    @RolesAllowed({"manager", "admin"})
    public String teamReport() {
        return "report for " + token.getName();
    }
}
