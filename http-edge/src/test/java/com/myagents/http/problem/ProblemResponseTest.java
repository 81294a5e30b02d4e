package com.myagents.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.myagents.http.correlation.CorrelationIdFilter;

class ProblemResponseTest {

    @Test
    void putsStandardMembersFirstThenExtrasWithViolationsAsPlainObjects() {
        Map<String, Object> body = ProblemResponse.body(ApiProblem.badRequest("email", "must be an address"), "cid-00000001");

        assertThat(body.keySet()).containsExactly("type", "title", "status", "detail", "correlation_id", "errors");
        assertThat(body.get("errors")).isEqualTo(List.of(Map.of("pointer", "/email", "message", "must be an address")));
    }

    @Test
    void writesAProblemFromAFilterWithItsHeaders() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(CorrelationIdFilter.ATTRIBUTE, "cid-00000002");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemResponse.write(request, response, ApiProblem.unauthorized("no token"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"https://myagents.dev/problems/unauthorized\","
                + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"no token\",\"correlation_id\":\"cid-00000002\"}");
    }

    @Test
    void factoriesCarryTheirStatusAndSlug() {
        assertThat(ApiProblem.badRequest("/already/pointer", "x").properties().get("errors"))
                .isEqualTo(List.of(new Violation("/already/pointer", "x")));
        assertThat(ApiProblem.tooManyRequests(0).headers()).containsEntry("Retry-After", "1");
        assertThat(ApiProblem.gatewayTimeout("slow").status()).isEqualTo(504);
        assertThat(ApiProblem.payloadTooLarge("big").slug()).isEqualTo("payload-too-large");
        assertThat(new ApiProblem(418, "teapot", "I'm a teapot", "short", null, null).properties()).isEmpty();
    }
}
