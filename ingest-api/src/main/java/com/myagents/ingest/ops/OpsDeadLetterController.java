package com.myagents.ingest.ops;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** Support's view of the records the materializer dead-lettered. Support and admins only. */
@RestController
class OpsDeadLetterController {

    private final DeadLetterList letters;

    OpsDeadLetterController(DeadLetterList letters) {
        this.letters = letters;
    }

    @GetMapping("/api/v1/ops/dead-letters")
    DeadLetterList.DeadLetterPage deadLetters(@ParameterObject Paging.Requested paging, HttpServletRequest http) {
        OperatorViews.SUPPORT.require(http);
        return letters.page(Paging.of(paging));
    }
}
