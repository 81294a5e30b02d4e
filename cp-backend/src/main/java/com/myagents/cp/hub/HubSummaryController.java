package com.myagents.cp.hub;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.auth.CustomerView;
import com.myagents.cp.customers.CallingCustomer;
import com.myagents.cp.customers.CustomerRepository;
import com.myagents.cp.proxy.GatewayDoor;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub loads from this one endpoint, and it makes one call to Plant: ingest-api's summary already
 * joins subscriptions, instances, goals and drafts, so there is no per-instance round trip.
 */
@RestController
public class HubSummaryController {

    public static final String PATH = "/api/cp/my-agents/summary";
    static final String PLANT_SUMMARY = "/api/v1/hired-agents/summary";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayDoor door;
    private final CustomerRepository customers;
    private final Clock clock;

    public HubSummaryController(GatewayDoor door, CustomerRepository customers, Clock clock) {
        this.door = door;
        this.customers = customers;
        this.clock = clock;
    }

    @GetMapping(PATH)
    public ResponseEntity<?> summary(HttpServletRequest request) {
        CustomerView customer = customers.findById(CallingCustomer.id(request))
                .map(CustomerView::of)
                .orElseThrow(() -> ApiProblem.unauthorized("The account of this token no longer exists."));
        ResponseEntity<byte[]> plant = door.read(request, PLANT_SUMMARY);
        if (!plant.getStatusCode().is2xxSuccessful()) {
            return upstreamError(plant);
        }
        JsonNode body;
        try {
            body = JSON.readTree(plant.getBody() == null ? new byte[0] : plant.getBody());
        } catch (JacksonException e) {
            throw ApiProblem.badGateway("Plant's summary was not JSON");
        }
        if (body == null || !body.path("instances").isArray()) {
            throw ApiProblem.badGateway("Plant's summary had no instances list");
        }
        return ResponseEntity.ok(HubSummary.of(customer, body, clock.instant()));
    }

    /** Plant's problem as it is; any other error body becomes a problem with the same status. */
    private static ResponseEntity<?> upstreamError(ResponseEntity<byte[]> plant) {
        MediaType type = plant.getHeaders().getContentType();
        int status = plant.getStatusCode().value();
        if (status >= 400 && type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(plant.getBody());
        }
        if (status < 400) {
            throw ApiProblem.badGateway("Plant answered the summary with status " + status);
        }
        HttpStatus known = HttpStatus.resolve(status);
        throw new ApiProblem(status, "upstream-error", known == null ? "Error" : known.getReasonPhrase(),
                "Plant answered the summary with status " + status, Map.of());
    }
}
