package com.myagents.http.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.myagents.http.identity.Hops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void keepsAWellFormedIdFromTheCallerEverywhere() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        request.addHeader(Hops.CORRELATION_HEADER, "cp-2025.06:abc_def-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenInMdc = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> seenInMdc.set(MDC.get(CorrelationIdFilter.MDC_KEY)));

        assertThat(CorrelationIdFilter.current(request)).isEqualTo("cp-2025.06:abc_def-1");
        assertThat(seenInMdc).hasValue("cp-2025.06:abc_def-1");
        assertThat(response.getHeader(Hops.CORRELATION_HEADER)).isEqualTo("cp-2025.06:abc_def-1");
        assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "-starts-with-dash", "has space in it", "line\nbreak-injected",
            "semi;colon;value", "ééééééééééé"})
    void mintsAFreshIdWhenTheCallersIsMalformed(String offered) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        request.addHeader(Hops.CORRELATION_HEADER, offered);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> { });

        String id = CorrelationIdFilter.current(request);
        assertThat(id).isNotEqualTo(offered).matches("[0-9a-f-]{36}");
        assertThat(response.getHeader(Hops.CORRELATION_HEADER)).isEqualTo(id);
    }

    @Test
    void mintsWhenTheIdIsTooLongOrAbsent() throws Exception {
        assertThat(CorrelationIdFilter.wellFormed("a".repeat(128))).isTrue();
        assertThat(CorrelationIdFilter.wellFormed("a".repeat(129))).isFalse();
        assertThat(CorrelationIdFilter.wellFormed(null)).isFalse();

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> { });
        assertThat(CorrelationIdFilter.current(request)).matches("[0-9a-f-]{36}");
    }

    @Test
    void keepsTheResponseHeaderSingleWhenAHandlerAddsItAgain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(Hops.CORRELATION_HEADER, "caller-id-0001");
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain proxying = (req, res) -> {
            ((HttpServletResponse) res).addHeader(Hops.CORRELATION_HEADER, "caller-id-0001");
            ((HttpServletResponse) res).addHeader("X-Other", "1");
            ((HttpServletResponse) res).addHeader("X-Other", "2");
        };

        filter.doFilter(request, response, proxying);

        assertThat(response.getHeaders(Hops.CORRELATION_HEADER)).containsExactly("caller-id-0001");
        assertThat(response.getHeaders("X-Other")).containsExactly("1", "2");
    }

    @Test
    void restoresAnOuterMdcValueAfterwards() throws Exception {
        MDC.put(CorrelationIdFilter.MDC_KEY, "outer-value-01");
        try {
            filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (req, res) -> { });
            assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).isEqualTo("outer-value-01");
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    @Test
    void mintsOnceForARequestNoFilterSaw() {
        MockHttpServletRequest request = new MockHttpServletRequest();

        String first = CorrelationIdFilter.current(request);

        assertThat(CorrelationIdFilter.current(request)).isEqualTo(first);
        assertThat(filter.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    }

    @Test
    void aDoorMintsEveryIdAndKeepsTheBrowsersOnlyForReference() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cp/x");
        request.addHeader(Hops.CORRELATION_HEADER, "someone-elses-timeline-0001");
        MockHttpServletResponse response = new MockHttpServletResponse();

        CorrelationIdFilter.atDoor().doFilter(request, response, (req, res) -> { });

        assertThat(CorrelationIdFilter.current(request)).isNotEqualTo("someone-elses-timeline-0001");
        assertThat(response.getHeader(Hops.CORRELATION_HEADER)).isEqualTo(CorrelationIdFilter.current(request));
        assertThat(request.getAttribute(CorrelationIdFilter.CLIENT_ATTRIBUTE)).isEqualTo("someone-elses-timeline-0001");
    }
}
