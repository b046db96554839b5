package org.salescrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.embedded.SharedPostgres;

/**
 * A test profile makes Quarkus start a second application, in class loaders of its own: it must still get the
 * broker and the server the other test classes use, not new ones.
 */
@QuarkusTest
@TestProfile(SharedAcrossApplicationsIT.SecondApplication.class)
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = KafkaTestResource.TOPICS, value = "test-support.pings"))
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "customer"))
class SharedAcrossApplicationsIT {

    public static class SecondApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.application.name", "second-application");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @Test
    void testSeesAClassLoaderOfItsOwnYetTheSameServers() {
        assertThat(getClass().getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
        assertThat(SharedKafka.class.getClassLoader()).as("embedded-infra is loaded parent-first, once per JVM")
                .isSameAs(SharedPostgres.class.getClassLoader()).isNotSameAs(getClass().getClassLoader());
        assertThat(SharedKafka.brokersCreated()).isEqualTo(1);
        assertThat(SharedPostgres.serversCreated()).isEqualTo(1);
        assertThat(bootstrapServers).isEqualTo(SharedKafka.bootstrapServers());
        assertThat(reactiveUrl).isEqualTo(SharedPostgres.reactiveUrl("customer"));
    }
}
