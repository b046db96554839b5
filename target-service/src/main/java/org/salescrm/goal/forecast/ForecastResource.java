package org.salescrm.goal.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** A REVENUE goal's forecast, for whoever may read the goal. */
@Cancellable(false)
@Path("/api/v1/goals/{id}/forecast")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ForecastResource {

    private final ForecastService forecasts;
    private final CurrentCaller caller;

    public ForecastResource(ForecastService forecasts, CurrentCaller caller) {
        this.forecasts = forecasts;
        this.caller = caller;
    }

    @GET
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ForecastView.class)))
    @APIResponse(responseCode = "422", description = "The goal counts another metric than REVENUE: no forecast "
            + "(errors: field metric, rule REVENUE)")
    public Uni<ForecastView> get(@PathParam("id") UUID id) {
        return forecasts.ofGoal(id, caller.get());
    }
}
