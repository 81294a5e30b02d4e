package com.myagents.http;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.http.body.JsonBodyFilter;

/**
 * How an HTTP service meets the outside ({@code myagents.edge.*}), bound at start; a value out of
 * range stops the start.
 *
 * @param door              true for the doors (cp-backend, pp-backend): they mint every correlation id
 * @param maxBodyBytes      the largest request body read
 * @param binaryUploadPaths the paths whose bodies are files, not JSON
 * @param rateLimit         what the door's own endpoints allow per principal
 */
@ConfigurationProperties("myagents.edge")
public record EdgeProperties(boolean door, @DefaultValue("" + JsonBodyFilter.DEFAULT_MAX_BODY_BYTES) long maxBodyBytes,
        @DefaultValue List<String> binaryUploadPaths, @DefaultValue RateLimit rateLimit) {

    public EdgeProperties {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("myagents.edge.max-body-bytes must be positive");
        }
        binaryUploadPaths = List.copyOf(binaryUploadPaths);
    }

    public record RateLimit(@DefaultValue("50") double requestsPerSecond, @DefaultValue("100") int burst) {

        public RateLimit {
            if (!(requestsPerSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("myagents.edge.rate-limit needs requests-per-second > 0 and burst >= 1");
            }
        }
    }
}
