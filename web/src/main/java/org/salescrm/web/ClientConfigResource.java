package org.salescrm.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Serves the app's run-time configuration, so one build runs locally, in compose and in Kubernetes. */
@Path("/config.json")
public class ClientConfigResource {

    private final WebConfig config;

    public ClientConfigResource(WebConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(ClientConfig.from(config)).cacheControl(noStore).build();
    }
}
