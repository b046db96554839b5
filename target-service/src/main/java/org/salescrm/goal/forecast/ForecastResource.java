package org.salescrm.goal.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** A REVENUE goal's forecast, for whoever may read the goal. */
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
    public Uni<ForecastView> get(@PathParam("id") UUID id) {
        return forecasts.ofGoal(id, caller.get());
    }
}
