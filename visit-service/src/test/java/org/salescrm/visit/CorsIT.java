package org.salescrm.visit;

import io.quarkus.test.junit.QuarkusTest;
import org.salescrm.testsupport.CorsContract;

@QuarkusTest
class CorsIT extends CorsContract {

    @Override
    protected String listPath() {
        return "/api/v1/visits";
    }
}
