package org.salescrm.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.salescrm.analytics.support.MailTestResource;
import org.salescrm.testsupport.KafkaTestResource;
import org.salescrm.testsupport.OidcTestResource;
import org.salescrm.testsupport.PostgresTestResource;

/**
 * The real broker, the service's own database, token verification and an SMTP server for e-mail deliveries, shared
 * by every test of this module.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(MailTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
