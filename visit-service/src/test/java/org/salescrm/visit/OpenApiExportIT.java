package org.salescrm.visit;

import org.salescrm.testsupport.OpenApiExportContract;

class OpenApiExportIT extends OpenApiExportContract {

    @Override
    protected String service() {
        return "visit-service";
    }
}
