package org.salescrm.customer.imports;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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

    /**
     * UTF-8 when the bytes are UTF-8, whatever charset the client names (spreadsheets mislabel their
     * files); otherwise the named charset, or GB18030. See {@link CsvText}.
     */
    @POST
    @Consumes("text/csv")
    public Uni<ImportReport> importCsv(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        String charset = contentType == null ? null : contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
        return imports.importCsv(CsvText.decode(body == null ? new byte[0] : body, charset), caller.get());
    }
}
