package com.myagents.http.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;

import com.myagents.http.app.probe.ProbeApplication;

class ServiceApplicationTest {

    @Test
    void aServiceScansItsOwnPackageBindsItsPropertiesRecordsAndHasTheOneClock() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProbeApplication.class)
                .web(WebApplicationType.NONE).properties("probe.greeting=hello", "spring.jmx.enabled=false").run()) {
            assertThat(context.getBean(ProbeApplication.ProbeProperties.class).greeting()).isEqualTo("hello");
            assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
        }
    }

    @Test
    void everyServiceTurnsOffSpringsKafkaClientsAndOnlyStatelessOnesTheDatabase() {
        List<String> withDatabase = excluded(ServiceApplication.class);
        List<String> stateless = excluded(StatelessServiceApplication.class);

        assertThat(withDatabase).containsExactlyInAnyOrder(ExcludedAutoConfigurations.KAFKA,
                ExcludedAutoConfigurations.KAFKA_METRICS);
        assertThat(stateless).containsAll(withDatabase).contains(ExcludedAutoConfigurations.DATA_SOURCE,
                ExcludedAutoConfigurations.JDBC_CLIENT, ExcludedAutoConfigurations.FLYWAY, ExcludedAutoConfigurations.JOOQ);
    }

    private static List<String> excluded(Class<?> annotation) {
        @ServiceApplication
        class WithDatabase {
        }
        @StatelessServiceApplication
        class Stateless {
        }
        Class<?> annotated = annotation == ServiceApplication.class ? WithDatabase.class : Stateless.class;
        return List.of(MergedAnnotations.from(annotated).get(EnableAutoConfiguration.class).getStringArray("excludeName"));
    }
}
