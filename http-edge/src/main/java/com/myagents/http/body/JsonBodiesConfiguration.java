package com.myagents.http.body;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.myagents.http.EdgeProperties;

/**
 * For every app that takes request bodies from outside (the doors and Plant): the
 * {@link JsonBodyFilter}, and no message converter that could read a body as anything but JSON
 * (YAML, XML, CBOR, forms…), so no handler can be reached by a body parsed another way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
public class JsonBodiesConfiguration implements WebMvcConfigurer {

    @Bean
    public JsonBodyFilter jsonBodyFilter(EdgeProperties edge) {
        return new JsonBodyFilter(edge.maxBodyBytes(), Set.copyOf(edge.binaryUploadPaths()));
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> !jsonOrPlain(converter));
    }

    /** JSON (any {@code +json}), or the plain text/bytes/resources every response writer needs. */
    static boolean jsonOrPlain(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().allMatch(type -> type.isWildcardType()
                || type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                || (type.getSubtype() != null && type.getSubtype().endsWith("+json"))
                || type.equalsTypeAndSubtype(MediaType.TEXT_PLAIN)
                || type.equalsTypeAndSubtype(MediaType.APPLICATION_OCTET_STREAM));
    }
}
