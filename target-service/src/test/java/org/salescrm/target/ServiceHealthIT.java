package org.salescrm.target;

import io.quarkus.test.junit.QuarkusTest;
import org.salescrm.testsupport.ServiceHealthContract;

@QuarkusTest
class ServiceHealthIT extends ServiceHealthContract {
}
