package org.salescrm.goal;

import org.salescrm.testsupport.OpenApiExportContract;

class OpenApiExportIT extends OpenApiExportContract {

    @Override
    protected String service() {
        return "target-service";
    }
}
