package com.myagents.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.myagents.gateway.GatewayProperties;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

class ServiceClientsTest {

    private static final String CP_KEY = Keys.generate();
    private static final Principal SERVICE = new Principal("cp-backend", Principal.Kind.SERVICE, null, Set.of());
    private static final Principal OPERATOR = new Principal("op-1", Principal.Kind.OPERATOR, null, Set.of());

    @Test
    void letsCpBackendVouchForCustomersAndItselfByDefault() {
        ServiceClients clients = ServiceClients.from(Map.of(Hops.CP_ISSUER, new GatewayProperties.Client(CP_KEY, null)));
        IdentityTokens cp = new IdentityTokens(Hops.CP_ISSUER, Keys.decode(CP_KEY));

        ServiceCall call = clients.authenticate(List.of("bearer " + cp.sign(SERVICE, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(30))));

        assertThat(call).isEqualTo(new ServiceCall(Hops.CP_ISSUER, SERVICE));
        assertThatThrownBy(() -> clients.authenticate(List.of("Bearer " + cp.sign(OPERATOR, Hops.GATEWAY_AUDIENCE,
                Duration.ofSeconds(30))))).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void anAssertionSentAgainIsTheSameCallAndAKindNotServedStaysRefused() {
        ServiceClients clients = ServiceClients.from(Map.of(Hops.CP_ISSUER, new GatewayProperties.Client(CP_KEY, null)));
        IdentityTokens cp = new IdentityTokens(Hops.CP_ISSUER, Keys.decode(CP_KEY));
        String service = "Bearer " + cp.sign(SERVICE, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(30));
        String operator = "Bearer " + cp.sign(OPERATOR, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(30));

        ServiceCall first = clients.authenticate(List.of(service));
        ServiceCall again = clients.authenticate(List.of(service));

        assertThat(again).isEqualTo(first).isEqualTo(new ServiceCall(Hops.CP_ISSUER, SERVICE));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> clients.authenticate(List.of(operator)))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(403));
        }
        int inSignature = service.lastIndexOf('.') + 5;
        char flipped = service.charAt(inSignature) == 'A' ? 'B' : 'A';
        String tampered = service.substring(0, inSignature) + flipped + service.substring(inSignature + 1);
        assertThatThrownBy(() -> clients.authenticate(List.of(tampered)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401));
    }

    @Test
    void letsAnyOtherClientVouchOnlyForItselfUnlessConfigured() {
        String connectorKey = Keys.generate();
        IdentityTokens connector = new IdentityTokens("connector", Keys.decode(connectorKey));
        Principal customer = new Principal("c1", Principal.Kind.CUSTOMER, null, Set.of());
        String asCustomer = "Bearer " + connector.sign(customer, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(30));

        ServiceClients byDefault = ServiceClients.from(Map.of("connector", new GatewayProperties.Client(connectorKey, Set.of())));
        ServiceClients configured = ServiceClients.from(Map.of("connector",
                new GatewayProperties.Client(connectorKey, Set.of(Principal.Kind.CUSTOMER))));

        assertThatThrownBy(() -> byDefault.authenticate(List.of(asCustomer))).isInstanceOf(ApiProblem.class);
        assertThat(configured.authenticate(List.of(asCustomer)).principal()).isEqualTo(customer);
    }

    @Test
    void leavesOutClientsWithoutAKey() {
        Map<String, GatewayProperties.Client> configured = new LinkedHashMap<>();
        configured.put(Hops.CP_ISSUER, new GatewayProperties.Client(CP_KEY, Set.of()));
        configured.put(Hops.PP_ISSUER, new GatewayProperties.Client(" ", Set.of()));

        assertThat(ServiceClients.from(configured).issuers()).containsExactly(Hops.CP_ISSUER);
    }

    @Test
    void refusesToStartWithoutAnyClientKey() {
        assertThatThrownBy(() -> ServiceClients.from(Map.of(Hops.CP_ISSUER, new GatewayProperties.Client("", Set.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("myagents.gateway.clients.cp-backend.key");
    }

    @Test
    void refusesToStartWithAShortClientKeyNamingTheProperty() {
        assertThatThrownBy(() -> ServiceClients.from(Map.of(Hops.PP_ISSUER, new GatewayProperties.Client("c2hvcnQ=", Set.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("myagents.gateway.clients.pp-backend.key")
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void rejectsAMissingOrGarbledAssertionAs401() {
        ServiceClients clients = ServiceClients.from(Map.of(Hops.CP_ISSUER, new GatewayProperties.Client(CP_KEY, Set.of())));

        for (List<String> headers : List.of(List.<String>of(), List.of("Bearer x.y.z"), List.of("Token abc"))) {
            assertThatThrownBy(() -> clients.authenticate(headers))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401));
        }
    }
}
