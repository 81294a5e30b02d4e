package com.myagents.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import com.myagents.http.problem.ApiProblem;

class PrincipalTest {

    @Test
    void isReadFromTheRequestAttributeAFilterSet() {
        Principal operator = new Principal("op-1", Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("ops"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(Principal.ATTRIBUTE, operator);

        assertThat(Principal.from(request)).isSameAs(operator);
        assertThat(operator.hasRole("ops")).isTrue();
        assertThat(operator.hasRole("admin")).isFalse();
    }

    @Test
    void answers401WhenNoFilterVerifiedAnyone() {
        assertThatThrownBy(() -> Principal.from(new MockHttpServletRequest()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401));
    }

    @Test
    void needsAnIdAndAKind() {
        assertThatThrownBy(() -> new Principal(" ", Principal.Kind.CUSTOMER, null, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Principal("x", null, null, Set.of()))
                .isInstanceOf(NullPointerException.class);
        assertThat(new Principal("x", Principal.Kind.SERVICE, null, null).roles()).isEmpty();
    }
}
