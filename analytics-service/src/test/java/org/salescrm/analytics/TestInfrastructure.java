package org.salescrm.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.salescrm.analytics.support.MailTestResource;
import org.salescrm.events.Topics;
import org.salescrm.testsupport.KafkaTestResource;
import org.salescrm.testsupport.OidcTestResource;
import org.salescrm.testsupport.PostgresTestResource;

/**
 * The real broker, the service's own database, token verification and an SMTP server for e-mail deliveries, shared
 * by every test of this module. The four customer-keyed topics have two partitions, as in production more than
 * one and all the same: the facts channel's consumer (or consumers, {@code state/ScaleOutIT}) reads both. The
 * service's dead-letter topic exists from the start, as Kubernetes creates it: left to the broker, it was created
 * by the first dead letter, racing the test that waits for it.
 */
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = {
        @ResourceArg(name = KafkaTestResource.TOPICS, value = TestInfrastructure.TOPICS),
        @ResourceArg(name = KafkaTestResource.PARTITIONS, value = "2")})
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(MailTestResource.class)
public final class TestInfrastructure {

    static final String TOPICS = Topics.CUSTOMERS + "," + Topics.OPPORTUNITIES + "," + Topics.VISITS + ","
            + Topics.FOLLOW_UPS + "," + Topics.DEAD_LETTER_PREFIX + "analytics-service";

    private TestInfrastructure() {
    }
}
