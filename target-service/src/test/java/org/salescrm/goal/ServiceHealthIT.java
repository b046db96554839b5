package org.salescrm.goal;

import io.quarkus.test.junit.QuarkusTest;
import org.salescrm.testsupport.ServiceHealthContract;

@QuarkusTest
class ServiceHealthIT extends ServiceHealthContract {
}
