package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** Webhook subscriptions to alert changes, for managers (their teams) and admins (any). */
@Cancellable(false)
@Path("/api/v1/webhooks")
@RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
public class WebhookResource {

    private final WebhookService service;
    private final CurrentCaller caller;

    public WebhookResource(WebhookService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** 201 with the subscription (never its secret); 200 with the first one when retried with the same Idempotency-Key. */
    @POST
    public Uni<RestResponse<WebhookView>> create(@Valid @NotNull WebhookRequest request,
                                                 @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.create(request, caller.get(), key)
                .map(created -> created.answer(view -> view, WebhookView::id, "/api/v1/webhooks"));
    }

    @GET
    public Uni<Page<WebhookView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{id}")
    public Uni<WebhookView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get()).onItem().ifNull().failWith(() -> Problems.notFound("webhook", id));
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return service.delete(id, caller.get()).replaceWith(RestResponse.noContent());
    }

    @GET
    @Path("/{id}/deliveries")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id,
                                              @QueryParam("status")
                                              @Pattern(regexp = "^(PENDING|DELIVERED|FAILED|CANCELLED)$",
                                                      message = "must be PENDING, DELIVERED, FAILED or CANCELLED")
                                              String status,
                                              @QueryParam("limit") String limit,
                                              @QueryParam("cursor") String cursor) {
        return service.deliveries(id, status, PageRequest.of(limit, cursor), caller.get());
    }
}
