package com.myagents.ingest.openapi;

import java.util.Iterator;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.extractor.DelegatingMethodParameter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.BindParam;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The OpenAPI document at {@code /v3/api-docs} says what the API really sends. springdoc reads
 * our records with swagger's own Jackson 2 mapper, which knows neither the API's snake_case
 * names ({@code spring.jackson.property-naming-strategy}) nor Jackson 3's {@code JsonNode}; left
 * alone it documents {@code agentTypeId} where every body carries {@code agent_type_id}, and a
 * schema's or config's JSON as an object of booleans ({@code isArray}, {@code isNull}…). The
 * frontend generates its Plant types from this document, so those were wrong types there too.
 */
@Configuration(proxyBeanMethods = false)
class PlantOpenApi {

    /** Replaces springdoc's default resolver (same class): property names as the API writes them. */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    ModelConverter anyJsonForJsonNode() {
        return new AnyJson();
    }

    /**
     * A query parameter object's fields are bound by their {@code @BindParam} names
     * ({@code customer_id}); springdoc would document the Java names ({@code customerId}).
     */
    @Bean
    ParameterCustomizer boundParameterNames() {
        return (parameter, methodParameter) -> {
            if (parameter != null && methodParameter instanceof DelegatingMethodParameter field
                    && field.getField() != null && field.getField().isAnnotationPresent(BindParam.class)) {
                parameter.setName(field.getField().getAnnotation(BindParam.class).value());
            }
            return parameter;
        };
    }

    /** Only the Plant API: Spring's /error mapping is no endpoint a client calls. */
    @Bean
    OpenApiCustomizer plantApiOnly() {
        return openApi -> {
            openApi.info(new Info().title("Plant API").version("v1")
                    .description("ingest-api: agent types, hiring, goals, deliverables, execute, ops and audit"));
            openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
        };
    }

    /** Jackson 3's {@code JsonNode} (schemas, configs, payloads) is any JSON value: the empty schema. */
    static final class AnyJson implements ModelConverter {

        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (tools.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
                return new JsonSchema();
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }

        @Override
        public boolean isOpenapi31() {
            return true;
        }
    }
}
