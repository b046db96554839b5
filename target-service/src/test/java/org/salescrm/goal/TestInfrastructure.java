package org.salescrm.goal;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.salescrm.testsupport.KafkaTestResource;
import org.salescrm.testsupport.OidcTestResource;
import org.salescrm.testsupport.PostgresTestResource;

/** The real broker, the service's own database and token verification, shared by every test of this module. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "target"))
@QuarkusTestResource(OidcTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
