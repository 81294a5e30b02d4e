package com.myagents.http.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

class JsonBodiesConfigurationTest {

    @Test
    void keepsOnlyConvertersThatReadJsonOrPlainBytesAndText() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(new ByteArrayHttpMessageConverter(),
                new StringHttpMessageConverter(), new FormHttpMessageConverter(), new JacksonJsonHttpMessageConverter(),
                new YamlLike()));

        new JsonBodiesConfiguration().extendMessageConverters(converters);

        assertThat(converters).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("ByteArrayHttpMessageConverter", "StringHttpMessageConverter",
                        "JacksonJsonHttpMessageConverter");
    }

    /** Stands in for a YAML converter on the classpath. */
    private static final class YamlLike extends StringHttpMessageConverter {

        YamlLike() {
            setSupportedMediaTypes(List.of(MediaType.parseMediaType("application/yaml")));
        }
    }
}
