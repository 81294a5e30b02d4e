package com.myagents.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.myagents.http.body.JsonBodyFilter;

class EdgePropertiesTest {

    private static EdgeProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("myagents.edge", Bindable.of(EdgeProperties.class));
    }

    @Test
    void nothingSetIsAnInnerServiceWithTheDefaultLimits() {
        EdgeProperties edge = bind(Map.of());

        assertThat(edge.door()).isFalse();
        assertThat(edge.maxBodyBytes()).isEqualTo(JsonBodyFilter.DEFAULT_MAX_BODY_BYTES);
        assertThat(edge.binaryUploadPaths()).isEmpty();
        assertThat(edge.rateLimit()).isEqualTo(new EdgeProperties.RateLimit(50, 100));
    }

    @Test
    void aDoorReadsItsKeys() {
        EdgeProperties edge = bind(Map.of("myagents.edge.door", "true", "myagents.edge.binary-upload-paths",
                "/api/cp/media,/api/cp/other", "myagents.edge.rate-limit.requests-per-second", "5",
                "myagents.edge.rate-limit.burst", "7"));

        assertThat(edge.door()).isTrue();
        assertThat(edge.binaryUploadPaths()).isEqualTo(List.of("/api/cp/media", "/api/cp/other"));
        assertThat(edge.rateLimit()).isEqualTo(new EdgeProperties.RateLimit(5, 7));
    }

    @Test
    void aLimitThatAllowsNothingStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("myagents.edge.rate-limit.requests-per-second", "0")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("myagents.edge.max-body-bytes", "0"))).isInstanceOf(BindException.class);
    }
}
