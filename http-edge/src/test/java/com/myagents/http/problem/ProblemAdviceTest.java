package com.myagents.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

import com.myagents.http.EdgeConfiguration;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.PlantIdentityFilter;
import com.myagents.http.identity.Principal;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every error path of a real Boot app with the edge configuration, called over real HTTP. */
class ProblemAdviceTest {

    record Limits(@Positive int maxUnitsPerOrder) {
    }

    record ThingRequest(@NotBlank String name, @NotNull @Valid Limits limits, List<String> tags) {
    }

    @RestController
    static class ThingController {

        private final Validator validator;

        ThingController(Validator validator) {
            this.validator = validator;
        }

        @PostMapping(path = "/things", consumes = "application/json")
        Map<String, Object> create(@Valid @RequestBody ThingRequest thing) {
            return Map.of("name", thing.name());
        }

        @GetMapping("/things/{id}")
        Map<String, Object> read(@PathVariable UUID id) {
            throw ApiProblem.notFound("thing " + id);
        }

        @GetMapping("/needs-header")
        String header(@RequestHeader("X-Thing") String thing) {
            return thing;
        }

        @GetMapping("/needs-param")
        String param(@RequestParam int size) {
            return "ok";
        }

        @GetMapping("/bounded")
        String bounded(@RequestParam @Min(1) int size) {
            return "ok";
        }

        @GetMapping("/constraint")
        String constraint() {
            throw new ConstraintViolationException(validator.validate(new Limits(0)));
        }

        @GetMapping("/forbidden")
        String forbidden() {
            throw ApiProblem.forbidden("approval_missing", "no approval for this deliverable");
        }

        @GetMapping("/busy")
        String busy() {
            throw ApiProblem.tooManyRequests(7);
        }

        @GetMapping("/conflict")
        String conflict() {
            throw ApiProblem.conflict("already approved").with("deliverable_id", "d1");
        }

        @GetMapping("/upload")
        String upload() {
            throw new MaxUploadSizeExceededException(10);
        }

        @GetMapping("/teapot")
        String teapot() {
            throw new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT, "short and stout");
        }

        @GetMapping("/unavailable")
        String unavailable() {
            throw ApiProblem.badGateway("upstream down");
        }

        @GetMapping("/api/v1/whoami")
        String whoami(jakarta.servlet.http.HttpServletRequest request) {
            return Principal.from(request).id();
        }

        @GetMapping("/api/v1/public-catalog")
        String catalog() {
            return "catalog";
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("jdbc:postgresql://db password=hunter2");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({EdgeConfiguration.class, ThingController.class})
    static class App {

        /** A filter that fails outside any controller, as a buggy filter would. */
        @org.springframework.context.annotation.Bean
        jakarta.servlet.Filter failingFilter() {
            return (request, response, chain) -> {
                String uri = ((jakarta.servlet.http.HttpServletRequest) request).getRequestURI();
                if (uri.equals("/filter-boom")) {
                    throw new IllegalStateException("secret-in-filter");
                }
                if (uri.equals("/filter-refuses")) {
                    ((jakarta.servlet.http.HttpServletResponse) response).sendError(409);
                    return;
                }
                chain.doFilter(request, response);
            };
        }

        @org.springframework.context.annotation.Bean
        PlantIdentityFilter plantIdentityFilter() {
            return new PlantIdentityFilter(new IdentityTokens(Hops.GATEWAY_ISSUER, PLANT_KEY));
        }
    }

    private static final byte[] PLANT_KEY = Keys.decode(Keys.generate());

    private static ConfigurableApplicationContext app;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(App.class)
                .properties("spring.config.name=problem-advice-test", "spring.jmx.enabled=false", "server.port=0",
                        "spring.jackson.property-naming-strategy=SNAKE_CASE")
                .run();
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void namesTheFieldWhoseValueIsOfTheWrongType() throws Exception {
        HttpResponse<String> response = post("/things", "{\"name\":\"x\",\"limits\":{\"max_units_per_order\":\"lots\"}}");

        JsonNode problem = problemOf(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("https://myagents.dev/problems/malformed-json");
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/limits/max_units_per_order");
        assertThat(problem.get("detail").asString()).contains("/limits/max_units_per_order").doesNotContain("com.myagents");
    }

    @Test
    void namesTheArrayElementThatIsWrong() throws Exception {
        HttpResponse<String> response = post("/things",
                "{\"name\":\"x\",\"limits\":{\"max_units_per_order\":1},\"tags\":[\"a\",{\"b\":1}]}");

        assertThat(problemOf(response, 400).get("errors").get(0).get("pointer").asString()).isEqualTo("/tags/1");
    }

    @Test
    void answersBrokenJsonAsMalformed() throws Exception {
        JsonNode problem = problemOf(post("/things", "{\"name\": "), 400);

        assertThat(problem.get("type").asString()).endsWith("/malformed-json");
        assertThat(problem.get("correlation_id").asString()).isNotBlank();
    }

    @Test
    void answersAMissingBody() throws Exception {
        assertThat(problemOf(post("/things", ""), 400).get("detail").asString()).contains("missing");
    }

    @Test
    void listsEveryBeanValidationViolationWithJsonPointers() throws Exception {
        JsonNode problem = problemOf(post("/things", "{\"name\":\"\",\"limits\":{\"max_units_per_order\":0}}"), 400);

        assertThat(problem.get("type").asString()).endsWith("/validation-failed");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactlyInAnyOrder("/name", "/limits/max_units_per_order");
    }

    @Test
    void namesMissingHeadersAndParameters() throws Exception {
        assertThat(firstError(get("/needs-header"), "pointer")).isEqualTo("X-Thing");
        assertThat(firstError(get("/needs-param"), "pointer")).isEqualTo("size");
        assertThat(firstError(get("/things/not-a-uuid"), "message")).contains("UUID");
    }

    @Test
    void reportsParameterConstraintViolations() throws Exception {
        assertThat(firstError(get("/bounded?size=0"), "pointer")).isEqualTo("size");
        assertThat(firstError(get("/constraint"), "pointer")).isEqualTo("/max_units_per_order");
    }

    @Test
    void rendersApiProblemsWithTheirExtrasAndHeaders() throws Exception {
        JsonNode forbidden = problemOf(get("/forbidden"), 403);
        assertThat(forbidden.get("reason").asString()).isEqualTo("approval_missing");

        HttpResponse<String> busy = get("/busy");
        assertThat(problemOf(busy, 429).get("retry_after_seconds").asLong()).isEqualTo(7);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("7");

        assertThat(problemOf(get("/conflict"), 409).get("deliverable_id").asString()).isEqualTo("d1");
        assertThat(problemOf(get("/things/" + UUID.randomUUID()), 404).get("detail").asString()).contains("not found");
        assertThat(problemOf(get("/unavailable"), 502).get("title").asString()).isEqualTo("Bad Gateway");
    }

    @Test
    void mapsFrameworkRejections() throws Exception {
        HttpRequest textPlain = HttpRequest.newBuilder(URI.create(base + "/things"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build();
        problemOf(HTTP.send(textPlain, HttpResponse.BodyHandlers.ofString()), 415);

        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/things"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        problemOf(wrongMethod, 405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");

        problemOf(get("/nowhere"), 404);
        problemOf(get("/upload"), 413);
        assertThat(problemOf(get("/teapot"), 418).get("detail").asString()).isEqualTo("short and stout");
    }

    @Test
    void answersNotAcceptableStillAsProblemJson() throws Exception {
        HttpRequest xml = HttpRequest.newBuilder(URI.create(base + "/things"))
                .header("Content-Type", "application/json").header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"limits\":{\"max_units_per_order\":1}}"))
                .build();

        problemOf(HTTP.send(xml, HttpResponse.BodyHandlers.ofString()), 406);
    }

    @Test
    void leaksNothingFromAnUnexpectedFailure() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/boom"))
                .header("X-Correlation-ID", "trace-me-0042").build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        JsonNode problem = problemOf(response, 500);
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("postgresql").doesNotContain("Exception");
        assertThat(problem.get("correlation_id").asString()).isEqualTo("trace-me-0042");
        assertThat(response.headers().allValues("X-Correlation-ID")).containsExactly("trace-me-0042");
    }

    @Test
    void rendersContainerLevelErrorsAsProblemsToo() throws Exception {
        HttpResponse<String> failed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/filter-boom"))
                .header("X-Correlation-ID", "filter-boom-01").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(problemOf(failed, 500).get("correlation_id").asString()).isEqualTo("filter-boom-01");
        assertThat(failed.body()).doesNotContain("secret-in-filter");
        assertThat(problemOf(get("/filter-refuses"), 409).get("title").asString()).isEqualTo("Conflict");
    }

    @Test
    void requestsTheContainerRefusesBeforeAnyServletAreProblemsToo() throws Exception {
        HttpResponse<String> encodedSlash = get("/things/..%2F..%2Fetc%2Fpasswd");

        assertThat(problemOf(encodedSlash, 400).get("correlation_id").asString()).isNotBlank();
        assertThat(encodedSlash.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void hasNoErrorEndpointOfItsOwn() throws Exception {
        problemOf(get("/error"), 404);
    }

    @Test
    void plantDoorLetsAGatewayIdentityThroughToTheHandler() throws Exception {
        String identity = new IdentityTokens(Hops.GATEWAY_ISSUER, PLANT_KEY).sign(
                new Principal("cust-7", Principal.Kind.CUSTOMER, null, Set.of()), Hops.PLANT_AUDIENCE,
                java.time.Duration.ofSeconds(60));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/whoami"))
                .header(Hops.PLANT_IDENTITY_HEADER, identity).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("cust-7");
    }

    @Test
    void plantDoorRefusesCallsWithoutIdentityEvenThroughPathParameterTricks() throws Exception {
        problemOf(get("/api/v1/whoami"), 401);
        problemOf(get("/api/v1/public-catalog"), 401);
        problemOf(get("/api;x=1/v1/public-catalog"), 401);
        problemOf(get("//api//v1/public-catalog"), 401);
    }

    /** A field of the first error a 400 problem lists. */
    private static String firstError(HttpResponse<String> response, String field) {
        return problemOf(response, 400).get("errors").get(0).get(field).asString();
    }

    private static JsonNode problemOf(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith(ApiProblem.TYPE_PREFIX);
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
        assertThat(problem.get("correlation_id").asString())
                .isEqualTo(response.headers().firstValue("X-Correlation-ID").orElseThrow());
        return problem;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
