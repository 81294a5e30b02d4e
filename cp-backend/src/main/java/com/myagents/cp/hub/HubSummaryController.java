package com.myagents.cp.hub;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    public static final String SELECTED_PATH = "/api/cp/my-agents/selected";

    private final Clock clock;
    private final HubSelection selection;

    public HubSummaryController(GatewayDoor door, CustomerRepository customers, Clock clock, HubSelection selection) {
        this.door = door;
        this.customers = customers;
        this.clock = clock;
        this.selection = selection;
    }

    /** The customer opened this hired agent: the hub opens it first next time. */
    @PutMapping(SELECTED_PATH)
    public ResponseEntity<Void> select(@RequestBody(required = false) Selected body, HttpServletRequest request) {
        if (body == null || body.hiredInstanceId() == null) {
            throw ApiProblem.badRequest("hired_instance_id", "is required");
        }
        UUID instance;
        try {
            instance = UUID.fromString(body.hiredInstanceId());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("hired_instance_id", "must be a hired agent's id");
        }
        selection.remember(CallingCustomer.id(request), instance);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"hired_instance_id": "…"}} */
    public record Selected(String hiredInstanceId) {
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
        return ResponseEntity.ok(HubSummary.of(customer, body, clock.instant(),
                selection.last(CallingCustomer.id(request)).orElse(null)));
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
