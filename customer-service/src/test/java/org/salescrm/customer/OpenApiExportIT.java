package org.salescrm.customer;

import org.salescrm.testsupport.OpenApiExportContract;

class OpenApiExportIT extends OpenApiExportContract {

    @Override
    protected String service() {
        return "customer-service";
    }
}
