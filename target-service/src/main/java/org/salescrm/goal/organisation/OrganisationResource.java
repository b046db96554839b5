package org.salescrm.goal.organisation;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/**
 * The organisation: every signed-in user reads it (as of a day), an admin changes it. Membership of
 * users in teams is not here: it stays in the tokens' {@code team}/{@code teams} claims.
 */
@Cancellable(false)
@Path("/api/v1/organisation")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class OrganisationResource {

    /** A region's or team's code: what tokens carry as a team, without spaces or slashes. */
    static final String CODE = "[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*";

    private final OrganisationService service;
    private final CurrentCaller caller;

    public OrganisationResource(OrganisationService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The regions, with their teams and heads, and the teams, with their managers and superiors, in force on {@code asOf} (default today). */
    @GET
    public Uni<OrganisationView> get(@QueryParam("asOf") String asOf) {
        return service.asOf(QueryValues.date("asOf", asOf));
    }

    /** Sets the region from {@code effectiveFrom} on; the same date again replaces that version. */
    @PUT
    @Path("/regions/{region}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Uni<RegionView> putRegion(@PathParam("region") @Size(max = 100) @Pattern(regexp = CODE) String region,
                                     @Valid @NotNull RegionRequest request) {
        return service.putRegion(region, request, caller.get().id());
    }

    /** Sets the team from {@code effectiveFrom} on: its region (in force that day), manager and their superior. */
    @PUT
    @Path("/teams/{team}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Uni<TeamView> putTeam(@PathParam("team") @Size(max = 100) @Pattern(regexp = CODE) String team,
                                 @Valid @NotNull TeamRequest request) {
        return service.putTeam(team, request, caller.get().id());
    }
}
