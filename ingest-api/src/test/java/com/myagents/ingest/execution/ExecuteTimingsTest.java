package com.myagents.ingest.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class ExecuteTimingsTest {

    @Test
    void aDecisionWaitThatOutlastsTheGatewaysTimeoutIsRefusedAtStartNamingBothSettings() {
        assertThatThrownBy(() -> bind(Map.of("myagents.execute.decision-wait", "10s",
                "myagents.execute.caller-timeout", "10s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("myagents.execute.decision-wait (PT10S)")
                .hasMessageContaining("myagents.execute.caller-timeout (PT10S")
                .hasMessageContaining("MYAGENTS_GATEWAY_UPSTREAM_TIMEOUT");
    }

    @Test
    void aWaitOfZeroIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("myagents.execute.decision-wait", "0s")))
                .rootCause().hasMessageContaining("must be positive");
    }

    @Test
    void theDefaultsLeaveTheGatewayTimeToAnswer() {
        ExecuteTimings timings = bind(Map.of());

        assertThat(timings.decisionWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timings.callerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bind(Map.of("myagents.execute.decision-wait", "9s")).decisionWait()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aGatewayTimeoutGivenToThisProcessAsTheGatewaysPropertyIsTheOneChecked() throws java.io.IOException {
        // the launcher gives every service the same properties; ingest-api.yml reads the gateway's own first
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("launcher",
                Map.of("myagents.gateway.upstream-timeout", "3s")));
        new YamlPropertySourceLoader().load("ingest-api.yml", new ClassPathResource("ingest-api.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(environment.getProperty("myagents.execute.caller-timeout")).isEqualTo("3s");
        assertThatThrownBy(() -> Binder.get(environment).bindOrCreate("myagents.execute", ExecuteTimings.class))
                .rootCause().hasMessageContaining("myagents.execute.caller-timeout (PT3S");
    }

    private static ExecuteTimings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("myagents.execute", ExecuteTimings.class);
    }
}
