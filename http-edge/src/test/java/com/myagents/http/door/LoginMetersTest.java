package com.myagents.http.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.Principal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class LoginMetersTest {

    static final Door CP = new Door("cp", Principal.Kind.CUSTOMER, Hops.CP_ISSUER, Set.of(), List.of());

    @Test
    void countsWhatTheLoginAnsweredFailuresAndLockoutsApart() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LoginMeters meters = new DoorConfiguration().loginMeters(CP, providerOf(registry));

        answer(meters, "POST", "/api/cp/auth/login", 401);
        answer(meters, "POST", "/api/cp/auth/login", 401);
        answer(meters, "POST", "/api/cp/auth/login", 429);
        answer(meters, "POST", "/api/cp/auth/login", 423);
        answer(meters, "POST", "/api/cp/auth/login", 200);
        answer(meters, "GET", "/api/cp/auth/login", 401);
        answer(meters, "POST", "/api/pp/auth/login", 401);
        answer(meters, "POST", "/api/cp/hired-agents", 401);

        assertThat(registry.get("myagents.login.failures").counter().count()).isEqualTo(2);
        assertThat(registry.get("myagents.login.lockouts").counter().count()).isEqualTo(2);
    }

    @Test
    void withoutARegistryItCountsNothingAndPassesEveryCallOn() throws Exception {
        LoginMeters meters = new LoginMeters(CP, providerOf(null));

        assertThat(answer(meters, "POST", "/api/cp/auth/login", 401).getStatus()).isEqualTo(401);
    }

    private static MockHttpServletResponse answer(LoginMeters meters, String method, String path, int status)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        meters.doFilter(new MockHttpServletRequest(method, path), response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse answer) {
                answer.setStatus(status);
            }
        }));
        return response;
    }

    private static org.springframework.beans.factory.ObjectProvider<MeterRegistry> providerOf(MeterRegistry registry) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (registry != null) {
            beans.registerSingleton("registry", registry);
        }
        return beans.getBeanProvider(MeterRegistry.class);
    }
}
