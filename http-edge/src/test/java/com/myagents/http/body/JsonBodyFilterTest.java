package com.myagents.http.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonBodyFilter filter = new JsonBodyFilter(1024);

    @Test
    void handsOnTheDocumentItCheckedReSerialisedAsUtf8Json() throws Exception {
        MockHttpServletRequest request = post("application/json; charset=UTF-8",
                "{ \"a\" : \"caf\\u00e9\",\n \"n\": 1.50, \"big\": 9223372036854775807 }".getBytes(StandardCharsets.UTF_8));
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        MockHttpServletResponse response = run(request, seen);

        assertThat(response.getStatus()).isEqualTo(200);
        byte[] forwarded = seen.get().getInputStream().readAllBytes();
        assertThat(new String(forwarded, StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"café\",\"n\":1.50,\"big\":9223372036854775807}");
        assertThat(seen.get().getContentLengthLong()).isEqualTo(forwarded.length);
        assertThat(seen.get().getHeader("Content-Type")).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=UTF-16", "application/json;charset=iso-8859-1",
            "application/yaml", "application/x-yaml", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; profile=x", "not a type"})
    void refusesEveryOtherDeclaredTypeOrCharsetWith415(String contentType) throws Exception {
        MockHttpServletResponse response = run(post(contentType, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), null);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void letsAnImageThroughOnlyOnTheExactUploadPathItWasToldOf() throws Exception {
        JsonBodyFilter uploads = new JsonBodyFilter(JsonBodyFilter.DEFAULT_MAX_BODY_BYTES, java.util.Set.of("/api/cp/media"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00};
        MockHttpServletRequest exact = post("image/jpeg", jpeg);
        exact.setRequestURI("/api/cp/media");
        MockHttpServletRequest otherSpelling = post("image/jpeg", jpeg);
        otherSpelling.setRequestURI("/api/cp//media");
        MockHttpServletResponse passed = new MockHttpServletResponse();
        MockHttpServletResponse refused = new MockHttpServletResponse();

        uploads.doFilter(exact, passed, (req, res) -> { });
        uploads.doFilter(otherSpelling, refused, (req, res) -> { });

        assertThat(passed.getStatus()).isEqualTo(200);
        assertThat(refused.getStatus()).isEqualTo(415);
    }

    @Test
    void refusesABodyWithoutAContentType() throws Exception {
        assertThat(run(post(null, "{}".getBytes(StandardCharsets.UTF_8)), null).getStatus()).isEqualTo(415);
    }

    @Test
    void refusesUtf16BytesDeclaredAsJsonInsteadOfGuessingTheirEncoding() throws Exception {
        assertThat(statusOfJson("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\":\"a\\u0000b\"}", "{\"email\":\"a\\u0007\"}", "{\"email\":\"\\ud800\"}",
            "{\"email\":\"x\\u009b\"}"})
    void refusesControlCharactersAndLoneSurrogatesNamingTheField(String body) throws Exception {
        assertRefusedNaming(body, "/email");
    }

    @Test
    void allowsTabsAndLineBreaksInText() throws Exception {
        assertThat(statusOfJson("{\"text\":\"line one\\nline\\ttwo\\r\\n\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"s\":{\"units\":100000000000000000000000000}}", "{\"s\":{\"units\":-9223372036854775809}}",
            "{\"s\":{\"units\":1e308}}", "{\"s\":{\"units\":1e400}}", "{\"s\":{\"units\":0.0000000000000000000000000000000001}}"})
    void refusesNumbersOutsideTheAcceptedRangeNamingTheField(String body) throws Exception {
        assertRefusedNaming(body, "/s/units");
    }

    /** A JSON body is answered 400, and the first error points at {@code pointer}. */
    private void assertRefusedNaming(String body, String pointer) throws Exception {
        MockHttpServletResponse response = run(post("application/json", body.getBytes(StandardCharsets.UTF_8)), null);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(errors(response).get(0).get("pointer").asString()).isEqualTo(pointer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":1} {\"b\":2}", "{\"a\":", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"})
    void refusesDocumentsThatAnotherParserCouldReadDifferently(String body) throws Exception {
        assertThat(run(post("application/json", body.getBytes(StandardCharsets.UTF_8)), null).getStatus()).isEqualTo(400);
    }

    @Test
    void refusesOverlongStringsAndBodiesOverTheCap() throws Exception {
        JsonBodyFilter roomy = new JsonBodyFilter(1024 * 1024);
        MockHttpServletResponse longString = new MockHttpServletResponse();
        roomy.doFilter(post("application/json", ("{\"t\":\"" + "x".repeat(JsonBodyCheck.MAX_STRING_CHARS + 1) + "\"}")
                .getBytes(StandardCharsets.UTF_8)), longString, (req, res) -> { });
        assertThat(longString.getStatus()).isEqualTo(400);

        MockHttpServletResponse tooBig = run(post("application/json",
                ("{\"t\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8)), null);
        assertThat(tooBig.getStatus()).isEqualTo(413);
    }

    @Test
    void refusesControlCharactersInQueryParameters() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.setQueryString("q=ab%00c");

        MockHttpServletResponse response = run(request, null);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(errors(response).get(0).get("pointer").asString()).isEqualTo("q");
    }

    @Test
    void letsRequestsWithoutABodyThroughUntouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x/publish");
        request.setContentType("text/plain");
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        assertThat(run(request, seen).getStatus()).isEqualTo(200);
        assertThat(seen.get()).isSameAs(request);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, AtomicReference<HttpServletRequest> seen)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            if (seen != null) {
                seen.set((HttpServletRequest) req);
            }
        });
        return response;
    }

    /** The status the filter answers a body declared as {@code application/json} with. */
    private int statusOfJson(byte[] body) throws Exception {
        return run(post("application/json", body), null).getStatus();
    }

    private static MockHttpServletRequest post(String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        if (contentType != null) {
            request.addHeader("Content-Type", contentType);
        }
        request.setContent(body);
        return request;
    }

    private static JsonNode errors(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString()).get("errors");
    }
}
