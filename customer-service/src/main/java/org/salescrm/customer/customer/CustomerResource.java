package org.salescrm.customer.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBodySchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.patch.MergePatches;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/customers")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class CustomerResource {

    private final CustomerService service;
    private final CurrentCaller caller;
    private final MergePatches patches;

    public CustomerResource(CustomerService service, CurrentCaller caller, MergePatches patches) {
        this.service = service;
        this.caller = caller;
        this.patches = patches;
    }

    /** 201 with the new customer; 200 with the first one when a request with the same Idempotency-Key is retried. */
    @POST
    public Uni<RestResponse<CustomerView>> create(@Valid @NotNull CustomerRequest request,
                                                  @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.create(request, caller.get(), key)
                .map(created -> created.answer(CustomerView::of, CustomerView::id, "/api/v1/customers"));
    }

    @GET
    public Uni<Page<CustomerView>> list(@QueryParam("q") @Size(max = 200) String q,
                                        @QueryParam("grade") @Pattern(regexp = "^[ABC]$") String grade,
                                        @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                        @QueryParam("pool") String pool,
                                        @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        CustomerFilter filter = new CustomerFilter(q, grade, ownerId, QueryValues.flag("pool", pool));
        return service.list(filter, PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{id}")
    public Uni<CustomerView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get())
                .onItem().ifNull().failWith(() -> Problems.notFound("customer", id))
                .map(CustomerView::of);
    }

    /** Soft delete: 204, then the customer, its key persons and opportunities answer 404 until restored. */
    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return service.delete(id, caller.get()).map(done -> RestResponse.noContent());
    }

    /** 200 with the customer as it is again; a customer that is not deleted answers 200 unchanged. */
    @POST
    @Path("/{id}/restore")
    public Uni<CustomerView> restore(@PathParam("id") UUID id) {
        return service.restore(id, caller.get()).map(CustomerView::of);
    }

    /** 428 without If-Match, 412 when stale; only the fields sent change. */
    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatches.MEDIA_TYPE})
    @RequestBodySchema(CustomerPatch.class)
    public Uni<CustomerView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                    JsonNode body) {
        long expected = IfMatch.version(ifMatch);
        MergePatch<CustomerPatch> patch = patches.read(body, CustomerPatch.class, CustomerPatch.SERVER_OWNED);
        return service.update(id, expected, patch, caller.get()).map(CustomerView::of);
    }
}
