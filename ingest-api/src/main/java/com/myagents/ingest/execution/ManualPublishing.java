package com.myagents.ingest.execution;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import com.myagents.contracts.publishing.SocialPlatform;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.ApiProblem;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;

import tools.jackson.core.type.TypeReference;

/**
 * The input checks of "I published it by hand": only a social post can be, and the post's URL,
 * when given, is a web address (it is shown to the customer and to operators as a link).
 * Whether it may count as published is enforcement's decision, as for any execution.
 */
final class ManualPublishing {

    static final int MAX_URL = 2048;

    private ManualPublishing() {
    }

    static void checkPostedUrl(String postedUrl) {
        if (postedUrl == null) {
            return;
        }
        try {
            URI uri = new URI(postedUrl);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (postedUrl.length() > MAX_URL || !web || uri.getHost() == null) {
                throw ApiProblem.badRequest("manual/posted_url", "must be the post's http(s) address, at most "
                        + MAX_URL + " characters");
            }
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("manual/posted_url", "must be the post's http(s) address: " + e.getReason());
        }
    }

    static void requirePost(DeliverablesRecord deliverable) {
        Map<String, Object> payload = EventJson.MAPPER.readValue(deliverable.getPayload().data(),
                new TypeReference<Map<String, Object>>() { });
        if (!(payload.get("platform") instanceof String code) || SocialPlatform.fromCode(code) == null) {
            throw ApiProblem.badRequest("manual", "only a social post can be published by hand; this deliverable"
                    + " is not one");
        }
    }
}
