package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.CUSTOMER_DIRECTORY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Principal;

class OpsCustomerDirectoryTest {

    final OpsPlant plant = OpsPlant.get();

    @Test
    void recordsTheEmailOfTheVerifiedCustomerAndFollowsAChange() {
        UUID id = UUID.randomUUID();
        Principal before = new Principal(id.toString(), Principal.Kind.CUSTOMER, "First@Example.test", Set.of());
        Principal after = new Principal(id.toString(), Principal.Kind.CUSTOMER, "second@example.test", Set.of());

        plant.call("GET", "/api/v1/subscriptions", before, null);
        String first = emailOf(id);
        plant.call("GET", "/api/v1/subscriptions", after, null);

        assertThat(first).isEqualTo("first@example.test");
        assertThat(emailOf(id)).isEqualTo("second@example.test");
        assertThat(plant.bean(CustomerDirectory.class).customersWithEmail("SECOND@example.test")).containsExactly(id);
    }

    @Test
    void recordsTheDisplayNameTheIdentityCarriesAndKeepsItWhenALaterIdentityHasNone() {
        UUID id = UUID.randomUUID();
        String email = "named-" + id.toString().substring(0, 8) + "@example.test";
        Principal named = new Principal(id.toString(), Principal.Kind.CUSTOMER, email, Set.of(), "  Harbour Dental  ");
        Principal unnamed = new Principal(id.toString(), Principal.Kind.CUSTOMER, email, Set.of());
        Principal renamed = new Principal(id.toString(), Principal.Kind.CUSTOMER, email, Set.of(), "Harbour Dental & Co");

        plant.call("GET", "/api/v1/subscriptions", named, null);
        String first = nameOf(id);
        plant.call("GET", "/api/v1/subscriptions", unnamed, null);
        String afterUnnamed = nameOf(id);
        plant.call("GET", "/api/v1/subscriptions", renamed, null);

        assertThat(first).isEqualTo("Harbour Dental");
        assertThat(afterUnnamed).isEqualTo("Harbour Dental");
        assertThat(nameOf(id)).isEqualTo("Harbour Dental & Co");
        assertThat(plant.bean(CustomerDirectory.class).namesOf(List.of(id.toString(), "not-a-uuid",
                UUID.randomUUID().toString()))).containsExactly(Map.entry(id.toString(), "Harbour Dental & Co"));
        assertThat(CustomerDirectory.normalizeName("x".repeat(300))).hasSize(CustomerDirectory.MAX_NAME);
        assertThat(CustomerDirectory.normalizeName(" ")).isNull();
    }

    @Test
    void theSeededDemoCustomersAreKnownByName() {
        assertThat(plant.bean(CustomerDirectory.class).namesOf(List.of("00000000-0000-0000-0000-0000000c0001",
                "00000000-0000-0000-0000-0000000c0002"))).containsOnly(
                Map.entry("00000000-0000-0000-0000-0000000c0001", "Demo Clinic"),
                Map.entry("00000000-0000-0000-0000-0000000c0002", "Other Practice"));
    }

    @Test
    void recordsNothingForOperatorsOrImplausibleAddresses() {
        UUID id = UUID.randomUUID();
        plant.call("GET", "/api/v1/subscriptions", new Principal(id.toString(), Principal.Kind.CUSTOMER, "not-an-email",
                Set.of()), null);
        plant.call("GET", "/api/v1/agent-types", OpsPlant.SUPPORT, null);

        assertThat(emailOf(id)).isNull();
        assertThat(plant.bean(CustomerDirectory.class).customersWithEmail("@")).isEmpty();
        assertThat(CustomerDirectory.normalize(null)).isNull();
        assertThat(CustomerDirectory.normalize("a@")).isNull();
        assertThat(CustomerDirectory.normalize(" A@B ")).isEqualTo("a@b");
    }

    @Test
    void aBrokenDirectoryNeverFailsTheCustomersCall() throws Exception {
        CustomerDirectory broken = new CustomerDirectory(null);
        var filter = new CustomerDirectoryFilter(broken);
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/v1/subscriptions");
        request.setAttribute(Principal.ATTRIBUTE, new Principal(UUID.randomUUID().toString(), Principal.Kind.CUSTOMER,
                "x@example.test", Set.of()));
        var chain = new org.springframework.mock.web.MockFilterChain();

        filter.doFilter(request, new org.springframework.mock.web.MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private String nameOf(UUID id) {
        return plant.db().select(CUSTOMER_DIRECTORY.DISPLAY_NAME).from(CUSTOMER_DIRECTORY)
                .where(CUSTOMER_DIRECTORY.CUSTOMER_ID.eq(id)).fetchOne(CUSTOMER_DIRECTORY.DISPLAY_NAME);
    }

    private String emailOf(UUID id) {
        return plant.db().select(CUSTOMER_DIRECTORY.EMAIL).from(CUSTOMER_DIRECTORY)
                .where(CUSTOMER_DIRECTORY.CUSTOMER_ID.eq(id)).fetchOne(CUSTOMER_DIRECTORY.EMAIL);
    }
}
