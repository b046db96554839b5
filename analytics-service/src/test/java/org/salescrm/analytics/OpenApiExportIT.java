package org.salescrm.analytics;

import org.salescrm.testsupport.OpenApiExportContract;

class OpenApiExportIT extends OpenApiExportContract {

    @Override
    protected String service() {
        return "analytics-service";
    }
}
