package org.salescrm.customer.imports;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** {@code POST /customers/imports}: a CSV file in, one report line per row out; the caller owns what is created. */
@Cancellable(false)
@Path("/api/v1/customers/imports")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class CustomerImportResource {

    private final CustomerImportService imports;
    private final CurrentCaller caller;

    public CustomerImportResource(CustomerImportService imports, CurrentCaller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    /** Always UTF-8, whatever charset the client names: the files are Chinese and spreadsheets mislabel them. */
    @POST
    @Consumes("text/csv")
    public Uni<ImportReport> importCsv(byte[] body) {
        return imports.importCsv(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8), caller.get());
    }
}
