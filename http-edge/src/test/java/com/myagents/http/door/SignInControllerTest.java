package com.myagents.http.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

class SignInControllerTest {

    record Person(UUID id, String email) implements SignInController.Account {
        @Override
        public Principal principal() {
            return new Principal(id.toString(), Principal.Kind.CUSTOMER, email, Set.of());
        }
    }

    record Answer(String accessToken, String tokenType, long expiresIn, String who) {
    }

    static final Person ANNA = new Person(UUID.randomUUID(), "anna@example.test");
    static final Door DOOR = new Door("cp", Principal.Kind.CUSTOMER, "cp-backend", Set.of("auth"), List.of());
    static final DoorTokens TOKENS = new DoorTokens(DOOR, "k".repeat(32).getBytes(StandardCharsets.UTF_8),
            Duration.ofHours(8));

    /** Who was asked to sign in, from where and under which correlation id. */
    final List<String> attempts = new ArrayList<>();

    final SignInController<Person, String> controller = new SignInController<Person, String>(
            new SignInController.Accounts<Person>() {
        @Override
        public Optional<Person> authenticate(String email, String password, String address, String correlationId) {
            attempts.add(email + " " + address + " " + correlationId);
            return email.equals(ANNA.email()) && password.equals("right") ? Optional.of(ANNA) : Optional.empty();
        }

        @Override
        public Optional<Person> account(UUID id) {
            return id.equals(ANNA.id()) ? Optional.of(ANNA) : Optional.empty();
        }
    }, TOKENS, Person::email, Answer::new) {
    };

    @Test
    void answersARightPasswordWithTheDoorsTokenForThatAccount() {
        MockHttpServletRequest http = new MockHttpServletRequest("POST", "/api/cp/auth/login");
        http.setRemoteAddr("203.0.113.9");
        http.setAttribute(CorrelationIdFilter.ATTRIBUTE, "sign-in-0001");

        Answer answer = (Answer) controller.login(new LoginRequest(ANNA.email(), "right"), http);

        assertThat(answer.tokenType()).isEqualTo("Bearer");
        assertThat(answer.expiresIn()).isEqualTo(8 * 3600);
        assertThat(answer.who()).isEqualTo(ANNA.email());
        assertThat(TOKENS.verify(answer.accessToken()).id()).isEqualTo(ANNA.id().toString());
        assertThat(attempts).containsExactly(ANNA.email() + " 203.0.113.9 sign-in-0001");
    }

    @Test
    void refusesAWrongPasswordAndAnIncompleteRequestWithoutAToken() {
        MockHttpServletRequest http = new MockHttpServletRequest("POST", "/api/cp/auth/login");

        assertThatThrownBy(() -> controller.login(new LoginRequest(ANNA.email(), "wrong"), http))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401))
                .hasMessageContaining(SignInController.WRONG_CREDENTIALS);
        assertThatThrownBy(() -> controller.login(new LoginRequest(ANNA.email(), " "), http))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThat(attempts).hasSize(1);
    }

    @Test
    void saysWhoATokensAccountIsOnlyWhileItExists() {
        MockHttpServletRequest mine = new MockHttpServletRequest("GET", "/api/cp/auth/me");
        mine.setAttribute(Principal.ATTRIBUTE, ANNA.principal());
        MockHttpServletRequest gone = new MockHttpServletRequest("GET", "/api/cp/auth/me");
        gone.setAttribute(Principal.ATTRIBUTE, new Person(UUID.randomUUID(), "gone@example.test").principal());

        assertThat(controller.me(mine)).isEqualTo(ANNA.email());
        assertThatThrownBy(() -> controller.me(gone))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401));
    }
}
